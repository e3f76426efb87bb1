package id.satupintu.sdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.web.LoginRepository;
import id.satupintu.sdk.web.LoginRepositoryContract;
import id.satupintu.sdk.web.TestBrowser;
import id.satupintu.sdk.web.TestContainer;
import id.satupintu.sdk.web.TestExchange;
import id.satupintu.sdk.web.TestLogins;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedisLoginRepositoryTest extends LoginRepositoryContract {

    /** One application per test: its keys never meet another test's. */
    private final String clientId = "app-" + UUID.randomUUID();
    private final TestContainer app = new TestContainer("https://app.example", "");

    @Override
    protected LoginRepository node() {
        // A separate connection per node, as two JVMs would have.
        return new RedisLoginRepository(RedisConnections.open(TestRedis.uri()).commands(), clientId,
                RedisLoginRepository.DEFAULT_COOKIE, Clock.systemUTC(), RedisLoginRepository.DEFAULT_MAX_LOGIN_AGE);
    }

    @Override
    protected boolean sharesAcrossNodes() {
        return true;
    }

    private RedisLoginRepository repository() {
        return new RedisLoginRepository(TestRedis.commands(), clientId, RedisLoginRepository.DEFAULT_COOKIE,
                Clock.systemUTC(), RedisLoginRepository.DEFAULT_MAX_LOGIN_AGE);
    }

    @Test
    void saveWhenSignedInThenCookieIsRandomHandleAndRedisHoldsOnlyItsHash() {
        TestBrowser browser = new TestBrowser();
        TestExchange exchange = app.get(browser, "/");

        repository().save(exchange, TestLogins.login("citizen-1", "sid-1"));

        String handle = browser.cookie(RedisLoginRepository.DEFAULT_COOKIE).orElseThrow();
        assertThat(handle).matches("[A-Za-z0-9_-]{43}");
        assertThat(exchange.setCookies()).singleElement().satisfies(set -> assertThat(set.maxAge()).isNull());
        String prefix = "satupintu:sdk:" + clientId + ":";
        assertThat(TestRedis.commands().exists(prefix + "login:" + Hashes.sha256(handle))).isEqualTo(1);
        assertThat(TestRedis.commands().keys(prefix + "*")).noneMatch(key -> key.contains(handle));
    }

    @Test
    void saveWhenSignedInThenEveryKeyHasTtlWithinMaximumLoginAge() {
        repository().save(app.get(new TestBrowser(), "/"), TestLogins.login("citizen-1", "sid-1"));

        for (String key : TestRedis.commands().keys("satupintu:sdk:" + clientId + ":*")) {
            assertThat(TestRedis.commands().pttl(key)).as(key).isPositive()
                    .isLessThanOrEqualTo(Duration.ofHours(12).toMillis());
        }
    }

    @Test
    void endWhenSidMatchesThenCountsTheLoginsItDeleted() {
        RedisLoginRepository logins = repository();
        logins.save(app.get(new TestBrowser(), "/"), TestLogins.login("citizen-1", "sid-1"));
        logins.save(app.get(new TestBrowser(), "/"), TestLogins.login("citizen-1", "sid-1"));

        assertThat(logins.end(new LogoutNotice(null, "sid-1"))).isEqualTo(2);
        assertThat(logins.end(new LogoutNotice(null, "sid-1"))).isZero();
    }

    @Test
    void saveWhenSidWasLoggedOutMeanwhileThenLoginEndedAtOnce() {
        RedisLoginRepository logins = repository();
        logins.end(new LogoutNotice(null, "sid-late"));
        TestBrowser browser = new TestBrowser();

        logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-late"));

        assertThat(logins.find(app.get(browser, "/"))).isEmpty();
    }

    @Test
    void findWhenCookieIsNotAHandleThenEmptyWithoutTouchingRedis() {
        TestBrowser browser = new TestBrowser();
        browser.cookie(RedisLoginRepository.DEFAULT_COOKIE, "*");

        assertThat(repository().find(app.get(browser, "/"))).isEmpty();
    }

    @Test
    void findWhenStoredValueUnreadableThenEmpty() {
        RedisLoginRepository logins = repository();
        TestBrowser browser = new TestBrowser();
        logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));
        String handle = browser.cookie(RedisLoginRepository.DEFAULT_COOKIE).orElseThrow();
        TestRedis.commands().set("satupintu:sdk:" + clientId + ":login:" + Hashes.sha256(handle), "{\"v\":99}");

        assertThat(logins.find(app.get(browser, "/"))).isEmpty();
    }

    @Test
    void removeWhenSignedInThenCookieDeleted() {
        RedisLoginRepository logins = repository();
        TestBrowser browser = new TestBrowser();
        logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));
        TestExchange logout = app.get(browser, "/satupintu/logout");

        logins.remove(logout);

        assertThat(logout.setCookies()).singleElement().satisfies(set -> assertThat(set.maxAge()).isZero());
        assertThat(browser.cookie(RedisLoginRepository.DEFAULT_COOKIE)).isEmpty();
    }

    @Test
    void findWhenAnotherApplicationSharesRedisThenItsLoginsAreNotVisible() {
        TestBrowser browser = new TestBrowser();
        repository().save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));
        RedisLoginRepository otherApp = new RedisLoginRepository(TestRedis.commands(), "other-" + clientId,
                RedisLoginRepository.DEFAULT_COOKIE, Clock.systemUTC(), RedisLoginRepository.DEFAULT_MAX_LOGIN_AGE);

        assertThat(otherApp.find(app.get(browser, "/"))).isEmpty();
    }

    @Test
    void operationsWhenRedisStopsThenUnavailableQuicklyAndTheReplayCacheToo() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        RedisConnections.Connection connection = RedisConnections.open("redis://127.0.0.1:" + port);
        try {
            RedisLoginRepository logins = new RedisLoginRepository(connection.commands(), clientId,
                    RedisLoginRepository.DEFAULT_COOKIE, Clock.systemUTC(), RedisLoginRepository.DEFAULT_MAX_LOGIN_AGE);
            RedisReplayCache replays = new RedisReplayCache(connection.commands(), clientId, Clock.systemUTC());
            TestBrowser browser = new TestBrowser();
            logins.save(app.get(browser, "/"), TestLogins.login("citizen-1", "sid-1"));
            server.stop();
            long started = System.nanoTime();

            assertThatThrownBy(() -> logins.find(app.get(browser, "/")))
                    .isInstanceOfSatisfying(SatuPintuException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE));
            assertThatThrownBy(() -> logins.end(new LogoutNotice(null, "sid-1")))
                    .isInstanceOf(SatuPintuException.class);
            assertThatThrownBy(() -> replays.firstUse("jti", java.time.Instant.now().plusSeconds(60)))
                    .isInstanceOf(SatuPintuException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(RedisConnections.COMMAND_TIMEOUT.multipliedBy(3));
        } finally {
            connection.close();
            server.stop();
        }
    }

    @Test
    void storedLoginWhenWrittenAndReadThenEqual() {
        Login login = TestLogins.login("citizen-1", "sid-1");

        assertThat(StoredLogins.readLogin(StoredLogins.write(login))).isEqualTo(login);
    }
}
