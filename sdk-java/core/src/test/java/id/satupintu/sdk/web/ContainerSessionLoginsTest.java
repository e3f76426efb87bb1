package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContainerSessionLoginsTest extends LoginRepositoryContract {

    @Override
    protected LoginRepository node() {
        return new ContainerSessionLogins();
    }

    @Override
    protected boolean sharesAcrossNodes() {
        return false;
    }

    private final TestContainer app = new TestContainer("https://app.example", "");

    @Test
    void saveWhenSessionExistedThenSessionIdChanges() {
        ContainerSessionLogins logins = new ContainerSessionLogins();
        TestBrowser browser = new TestBrowser();
        logins.savePending(app.get(browser, "/"), TestLogins.pending());
        String before = browser.cookie(TestContainer.SESSION_COOKIE).orElseThrow();

        logins.save(app.get(browser, "/satupintu/callback"), TestLogins.login("citizen-1", "sid-1"));

        assertThat(browser.cookie(TestContainer.SESSION_COOKIE)).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void findWhenEndedBySidThenContainerSessionInvalidated() {
        ContainerSessionLogins logins = new ContainerSessionLogins();
        TestBrowser browser = new TestBrowser();
        logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));
        app.get(browser, "/").session(false).attribute("cart", "3 items");
        logins.end(new LogoutNotice(null, "sid-1"));

        assertThat(logins.find(app.get(browser, "/"))).isEmpty();
        assertThat(app.get(browser, "/").session(false)).isNull();
        assertThat(app.sessionCount()).isZero();
    }

    @Test
    void removeWhenSignedInThenWholeContainerSessionGone() {
        ContainerSessionLogins logins = new ContainerSessionLogins();
        TestBrowser browser = new TestBrowser();
        logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));

        logins.remove(app.get(browser, "/"));

        assertThat(app.get(browser, "/").session(false)).isNull();
    }

    @Test
    void findWhenOlderThanMaximumLoginAgeThenEmpty() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        ContainerSessionLogins logins = new ContainerSessionLogins(clock, Duration.ofHours(12));
        TestBrowser fresh = new TestBrowser();
        TestBrowser stale = new TestBrowser();
        logins.save(app.get(fresh, "/"), TestLogins.login("citizen-1", "sid-1", clock.instant().minusSeconds(11 * 3600)));
        logins.save(app.get(stale, "/"), TestLogins.login("citizen-2", "sid-2", clock.instant().minusSeconds(13 * 3600)));

        assertThat(logins.find(app.get(fresh, "/"))).isPresent();
        assertThat(logins.find(app.get(stale, "/"))).isEmpty();
    }

    @Test
    void endWhenCalledThenReturnsZeroBecauseSessionsEndAtTheirNextRequest() {
        ContainerSessionLogins logins = new ContainerSessionLogins();
        logins.save(app.get(new TestBrowser(), "/"), TestLogins.login("citizen-1", "sid-1"));

        assertThat(logins.end(new LogoutNotice(null, "sid-1"))).isZero();
    }

    @Test
    void findWhenSessionHoldsSomethingElseUnderTheLoginNameThenEmpty() {
        ContainerSessionLogins logins = new ContainerSessionLogins();
        TestBrowser browser = new TestBrowser();
        app.get(browser, "/").session(true).attribute(ContainerSessionLogins.LOGIN_ATTRIBUTE, "not a login");

        assertThat(logins.find(app.get(browser, "/"))).isEmpty();
    }

    @Nested
    class EndedLoginsMemory {

        private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Test
        void endedWhenNoticeOlderThanMaximumLoginAgeThenForgotten() {
            MutableClock clock = new MutableClock(now);
            EndedLogins ended = new EndedLogins(clock, Duration.ofHours(12), 100);
            Login login = TestLogins.login("citizen-1", "sid-1", now.minusSeconds(60));
            ended.record(new LogoutNotice(null, "sid-1"));

            assertThat(ended.ended(login)).isTrue();
            clock.now = now.plus(Duration.ofHours(13));
            assertThat(ended.ended(login)).isFalse();
        }

        @Test
        void recordWhenFullThenOldestForgottenAndSizeBounded() {
            MutableClock clock = new MutableClock(now);
            EndedLogins ended = new EndedLogins(clock, Duration.ofHours(12), 3);
            for (int i = 0; i < 5; i++) {
                clock.now = now.plusSeconds(i);
                ended.record(new LogoutNotice(null, "sid-" + i));
            }

            assertThat(ended.ended(TestLogins.login("c", "sid-0", now))).isFalse();
            assertThat(ended.ended(TestLogins.login("c", "sid-4", now))).isTrue();
        }

        @Test
        void endedWhenSubjectEndedAndLoginHasNoSignInTimeThenEnded() {
            EndedLogins ended = new EndedLogins(new MutableClock(now), Duration.ofHours(12), 100);
            ended.record(new LogoutNotice("citizen-1", null));
            Login undated = new Login("citizen-1", null, "id", "at", null, null, null, null, null);

            assertThat(ended.ended(undated)).isTrue();
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
