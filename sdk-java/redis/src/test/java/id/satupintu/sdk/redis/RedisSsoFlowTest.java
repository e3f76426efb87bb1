package id.satupintu.sdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.testsupport.TestProvider;
import id.satupintu.sdk.web.FlowResult;
import id.satupintu.sdk.web.SsoFlow;
import id.satupintu.sdk.web.TestBrowser;
import id.satupintu.sdk.web.TestContainer;
import id.satupintu.sdk.web.TestExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of one application behind a load balancer without sticky sessions, sharing only a real Redis:
 * each node has its own client, flow and Redis connection, and its own container (no shared HTTP sessions).
 */
class RedisSsoFlowTest {

    private static final String ORIGIN = "http://127.0.0.1:1";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestProvider provider;
    private Node nodeA;
    private Node nodeB;

    private record Node(SatuPintuClient client, SsoFlow flow, TestContainer container) {

        TestExchange handle(TestExchange exchange) {
            flow.handle(exchange);
            return exchange;
        }

        FlowResult result(TestBrowser browser, String target) {
            return flow.handle(container.get(browser, target));
        }
    }

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        Map<String, String> properties = new HashMap<>(provider.clientProperties());
        properties.put("satupintu.redirect-uri", "/satupintu/callback");
        properties.put("satupintu.session-store", "redis");
        properties.put("satupintu.redis-uri", TestRedis.uri());
        // Each test is another application in the shared Redis, so tests never see each other's keys.
        properties.put("satupintu.client-id", TestProvider.CLIENT_ID);
        String application = "app-" + UUID.randomUUID();
        nodeA = node(SatuPintuConfig.from(properties), application);
        nodeB = node(SatuPintuConfig.from(properties), application);
    }

    private static Node node(SatuPintuConfig config, String application) {
        RedisConnections.Connection redis = RedisConnections.open(config.redisUri());
        SatuPintuClient client = SatuPintuClient.create(config,
                new RedisReplayCache(redis.commands(), application, java.time.Clock.systemUTC()));
        RedisLoginRepository logins = new RedisLoginRepository(redis.commands(), application,
                RedisLoginRepository.DEFAULT_COOKIE, java.time.Clock.systemUTC(), RedisLoginRepository.DEFAULT_MAX_LOGIN_AGE);
        return new Node(client, new SsoFlow(client, logins), new TestContainer(ORIGIN, "/app"));
    }

    @AfterEach
    void stop() {
        nodeA.client().close();
        nodeB.client().close();
        provider.close();
    }

    private static String authorize(String authorizationUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ORIGIN + "/app/");
        return location.substring((ORIGIN + "/app").length());
    }

    /** Sign-in started on node A, finished on node B: the pending sign-in travels through Redis. */
    private TestBrowser signInAcrossNodes() throws Exception {
        TestBrowser browser = new TestBrowser();
        TestExchange start = nodeA.handle(nodeA.container().get(browser, "/orders"));
        assertThat(start.status()).isEqualTo(302);
        TestExchange callback = nodeB.handle(nodeB.container().get(browser, authorize(start.location())));
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.location()).isEqualTo("/app/orders");
        return browser;
    }

    @Test
    void signInWhenStartedOnOneNodeAndFinishedOnAnotherThenSignedInOnBoth() throws Exception {
        TestBrowser browser = signInAcrossNodes();

        assertThat(nodeA.result(browser, "/orders").citizen()).get()
                .satisfies(citizen -> assertThat(citizen.getName()).isEqualTo("citizen-1"));
        assertThat(nodeB.result(browser, "/orders").citizen()).isPresent();
    }

    @Test
    void backChannelLogoutWhenReceivedByOneNodeThenSignedOutOnEveryNode() throws Exception {
        TestBrowser browser = signInAcrossNodes();

        TestExchange logout = nodeB.handle(nodeB.container()
                .request(new TestBrowser(), "POST", "/satupintu/backchannel-logout")
                .form("logout_token", provider.logoutToken().mint()));

        assertThat(logout.status()).isEqualTo(200);
        TestExchange next = nodeA.handle(nodeA.container().get(browser, "/orders"));
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).startsWith(provider.url("/authorize"));
        assertThat(nodeB.result(browser, "/public").responded()).isTrue();
    }

    @Test
    void backChannelLogoutWhenReplayedToAnotherNodeThenRefused() throws Exception {
        String token = provider.logoutToken().mint();
        TestExchange first = nodeA.handle(nodeA.container()
                .request(new TestBrowser(), "POST", "/satupintu/backchannel-logout").form("logout_token", token));

        TestExchange replay = nodeB.handle(nodeB.container()
                .request(new TestBrowser(), "POST", "/satupintu/backchannel-logout").form("logout_token", token));

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(400);
    }

    @Test
    void logoutWhenOnOneNodeThenSignedOutOnTheOther() throws Exception {
        TestBrowser browser = signInAcrossNodes();

        TestExchange logout = nodeA.handle(nodeA.container().get(browser, "/satupintu/logout"));

        assertThat(logout.location()).startsWith(provider.url("/logout"));
        assertThat(nodeB.handle(nodeB.container().get(browser, "/orders")).location())
                .startsWith(provider.url("/authorize"));
    }
}
