package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginRepository} promises, run against each implementation. Two "nodes" are two
 * repository instances over the same backing store; the container store has no shared backing store, so
 * implementations say whether they {@link #sharesAcrossNodes() share}.
 */
public abstract class LoginRepositoryContract {

    /** A new repository instance; two calls are two nodes of one application. */
    protected abstract LoginRepository node();

    /** @return true when a login saved by one node is visible to another (Redis), false for one node only */
    protected abstract boolean sharesAcrossNodes();

    /** The application all requests go to; one container per test, so no state leaks between tests. */
    private final TestContainer app = new TestContainer("https://app.example", "/app");

    private TestExchange request(TestBrowser browser) {
        return app.get(browser, "/orders");
    }

    @Test
    void findWhenNothingSavedThenEmpty() {
        assertThat(node().find(request(new TestBrowser()))).isEmpty();
    }

    @Test
    void findWhenSavedThenSameLogin() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        Login login = TestLogins.login("citizen-1", "sid-1");

        logins.save(request(browser), login);

        assertThat(logins.find(request(browser))).contains(login);
    }

    @Test
    void findWhenAnotherBrowserThenEmpty() {
        LoginRepository logins = node();
        logins.save(request(new TestBrowser()), TestLogins.login("citizen-1", "sid-1"));

        assertThat(logins.find(request(new TestBrowser()))).isEmpty();
    }

    @Test
    void saveWhenBrowserHadCookiesBeforeThenCookiesBeforeSignInNoLongerWork() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        logins.savePending(request(browser), TestLogins.pending());
        TestBrowser planted = browser.copy();

        logins.save(request(browser), TestLogins.login("citizen-1", "sid-1"));

        assertThat(logins.find(request(planted))).isEmpty();
        assertThat(logins.find(request(browser))).isPresent();
    }

    @Test
    void takePendingWhenSavedThenReturnedOnce() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin pending = TestLogins.pending();
        logins.savePending(request(browser), pending);

        assertThat(logins.takePending(request(browser), pending.state())).contains(pending);
        assertThat(logins.takePending(request(browser), pending.state())).isEmpty();
    }

    @Test
    void takePendingWhenOtherStateThenEmptyAndOriginalKept() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin pending = TestLogins.pending();
        logins.savePending(request(browser), pending);

        assertThat(logins.takePending(request(browser), "forged-state")).isEmpty();
        assertThat(logins.takePending(request(browser), null)).isEmpty();
        assertThat(logins.takePending(request(browser), pending.state())).contains(pending);
    }

    @Test
    void takePendingWhenAnotherBrowserThenEmpty() {
        LoginRepository logins = node();
        PendingLogin pending = TestLogins.pending();
        logins.savePending(request(new TestBrowser()), pending);

        assertThat(logins.takePending(request(new TestBrowser()), pending.state())).isEmpty();
    }

    @Test
    void takePendingWhenSeveralTabsThenEachFoundByItsState() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin first = TestLogins.pending();
        PendingLogin second = TestLogins.pending();
        logins.savePending(request(browser), first);
        logins.savePending(request(browser), second);

        assertThat(logins.takePending(request(browser), second.state())).contains(second);
        assertThat(logins.takePending(request(browser), first.state())).contains(first);
    }

    @Test
    void takePendingWhenOlderThanTenMinutesThenEmpty() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin stale = TestLogins.pending(Instant.now().minusSeconds(11 * 60));
        logins.savePending(request(browser), stale);

        assertThat(logins.takePending(request(browser), stale.state())).isEmpty();
    }

    @Test
    void savePendingWhenManyThenOldestDroppedAndNewestKept() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        Instant start = Instant.now().minusSeconds(60);
        List<PendingLogin> all = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            PendingLogin pending = TestLogins.pending(start.plusSeconds(i));
            all.add(pending);
            logins.savePending(request(browser), pending);
        }

        assertThat(logins.takePending(request(browser), all.get(0).state())).isEmpty();
        assertThat(logins.takePending(request(browser), all.get(14).state())).contains(all.get(14));
    }

    @Test
    void takePendingWhenRacedInParallelThenOnlyOneWins() throws Exception {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin pending = TestLogins.pending();
        logins.savePending(request(browser), pending);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<PendingLogin>>> takes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                takes.add(() -> logins.takePending(request(browser), pending.state()));
            }
            long winners = 0;
            for (Future<Optional<PendingLogin>> result : threads.invokeAll(takes)) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void updateWhenRefreshedThenNewLoginFound() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        Login login = TestLogins.login("citizen-1", "sid-1");
        logins.save(request(browser), login);
        Login refreshed = TestLogins.login("citizen-1", "sid-1", login.signedInAt());

        logins.update(request(browser), refreshed);

        assertThat(logins.find(request(browser))).contains(refreshed);
    }

    @Test
    void updateWhenLoginEndedMeanwhileThenStaysEnded() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        Login login = TestLogins.login("citizen-1", "sid-1");
        logins.save(request(browser), login);
        logins.end(new LogoutNotice(null, "sid-1"));

        logins.update(request(browser), TestLogins.login("citizen-1", "sid-1", login.signedInAt()));

        assertThat(logins.find(request(browser))).isEmpty();
    }

    @Test
    void removeWhenSignedInThenFindEmpty() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        logins.save(request(browser), TestLogins.login("citizen-1", "sid-1"));

        logins.remove(request(browser));

        assertThat(logins.find(request(browser))).isEmpty();
    }

    @Test
    void endWhenSidMatchesThenOnlyThatSessionsLoginsEnd() {
        LoginRepository logins = node();
        TestBrowser laptop = new TestBrowser();
        TestBrowser phone = new TestBrowser();
        TestBrowser other = new TestBrowser();
        logins.save(request(laptop), TestLogins.login("citizen-1", "sid-1"));
        logins.save(request(phone), TestLogins.login("citizen-1", "sid-1"));
        logins.save(request(other), TestLogins.login("citizen-1", "sid-2"));

        logins.end(new LogoutNotice("citizen-1", "sid-1"));

        assertThat(logins.find(request(laptop))).isEmpty();
        assertThat(logins.find(request(phone))).isEmpty();
        assertThat(logins.find(request(other))).isPresent();
    }

    @Test
    void endWhenSubjectOnlyThenEveryEarlierLoginOfThatCitizenEnds() {
        LoginRepository logins = node();
        TestBrowser first = new TestBrowser();
        TestBrowser second = new TestBrowser();
        TestBrowser someoneElse = new TestBrowser();
        logins.save(request(first), TestLogins.login("citizen-1", "sid-1"));
        logins.save(request(second), TestLogins.login("citizen-1", null));
        logins.save(request(someoneElse), TestLogins.login("citizen-2", "sid-3"));

        logins.end(new LogoutNotice("citizen-1", null));

        assertThat(logins.find(request(first))).isEmpty();
        assertThat(logins.find(request(second))).isEmpty();
        assertThat(logins.find(request(someoneElse))).isPresent();
    }

    @Test
    void endWhenSubjectOnlyThenLaterLoginOfThatCitizenStays() {
        LoginRepository logins = node();
        logins.end(new LogoutNotice("citizen-1", null));
        TestBrowser browser = new TestBrowser();

        logins.save(request(browser), TestLogins.login("citizen-1", "sid-9", Instant.now().plusSeconds(1)));

        assertThat(logins.find(request(browser))).isPresent();
    }

    @Test
    void endWhenNothingMatchesThenOtherLoginsStay() {
        LoginRepository logins = node();
        TestBrowser browser = new TestBrowser();
        logins.save(request(browser), TestLogins.login("citizen-1", "sid-1"));

        logins.end(new LogoutNotice(null, "sid-unknown"));
        logins.end(new LogoutNotice("citizen-unknown", null));

        assertThat(logins.find(request(browser))).isPresent();
    }

    @Test
    void endWhenReceivedByAnotherNodeThenLoginEndsOnEveryNode() {
        LoginRepository nodeA = node();
        LoginRepository nodeB = node();
        TestBrowser browser = new TestBrowser();
        nodeA.save(request(browser), TestLogins.login("citizen-1", "sid-1"));
        if (!sharesAcrossNodes()) {
            // One node only: the notice must reach the node that holds the session (sticky sessions).
            nodeB = nodeA;
        }
        assertThat(nodeB.find(request(browser))).isPresent();

        nodeB.end(new LogoutNotice(null, "sid-1"));

        assertThat(nodeA.find(request(browser))).isEmpty();
        assertThat(nodeB.find(request(browser))).isEmpty();
    }

    @Test
    void takePendingWhenStartedThroughAnotherInstanceThenFoundOnce() {
        LoginRepository nodeA = node();
        LoginRepository nodeB = node();
        TestBrowser browser = new TestBrowser();
        PendingLogin pending = TestLogins.pending();
        nodeA.savePending(request(browser), pending);

        Optional<PendingLogin> taken = nodeB.takePending(request(browser), pending.state());

        // Redis: across nodes; container: both instances see the one container session of this browser.
        assertThat(taken).contains(pending);
        assertThat(nodeA.takePending(request(browser), pending.state())).isEmpty();
    }
}
