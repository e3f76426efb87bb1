package id.satupintu.conformance.sdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.harness.IsolatedTomcat;
import id.satupintu.conformance.sdk.harness.AppDeployment;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import id.satupintu.idp.testsupport.RealStores;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import redis.embedded.RedisServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Tomcat 10.1 nodes of the {@code jakarta-war} sample with {@code satupintu.session-store=redis} on the
 * conformance Redis, as behind a load balancer: a sign-in through node A holds on node B, and a back-channel
 * logout (OpenID Connect Back-Channel Logout 1.0 §2.7) delivered to node A ends it on node B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK Jakarta adapter: two Tomcat 10.1 nodes sharing sign-ins in Redis")
class JakartaRedisNodesTest {

    private static final String CONTEXT = "/jakarta-war";
    private static final Duration BACK_CHANNEL_DEADLINE = Duration.ofSeconds(20);

    private Harness harness;
    private IsolatedTomcat tomcatA;
    private IsolatedTomcat tomcatB;
    private AppDeployment nodeA;
    private AppDeployment nodeB;

    @BeforeAll
    void startTwoNodes() {
        harness = Harness.get();
        tomcatA = IsolatedTomcat.start(IsolatedTomcat.Version.TOMCAT_10);
        tomcatB = IsolatedTomcat.start(IsolatedTomcat.Version.TOMCAT_10);
        URI baseA = URI.create(tomcatA.origin() + CONTEXT);
        URI baseB = URI.create(tomcatB.origin() + CONTEXT);
        // the provider delivers back-channel logout to one URI: node A's, as it would to a load balancer
        TestClient client = harness.clients().register(ClientSpec.confidential()
                .redirectUris(baseA + SdkApps.CALLBACK_PATH, baseB + SdkApps.CALLBACK_PATH)
                .postLogoutRedirectUris(baseA + SdkApps.SIGNED_OUT_PATH, baseB + SdkApps.SIGNED_OUT_PATH)
                .set("backchannel_logout_uri", baseA + SdkApps.BACKCHANNEL_LOGOUT_PATH)
                .set("backchannel_logout_session_required", true)
                .set("grant_types", List.of("authorization_code", "refresh_token")));
        Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, client));
        settings.put("satupintu.session-store", "redis");
        settings.put("satupintu.redis-uri", "redis://127.0.0.1:" + RealStores.redisPort());
        Map<String, String> parameters = SdkApps.configParameter(SdkApps.configFile(settings));
        nodeA = tomcatA.deploy(CONTEXT, SdkApps.war("jakarta-war"), parameters);
        nodeB = tomcatB.deploy(CONTEXT, SdkApps.war("jakarta-war"), parameters);
        assertThat(nodeA.available()).as("node A started").isTrue();
        assertThat(nodeB.available()).as("node B started").isTrue();
    }

    @AfterAll
    void stopNodes() {
        for (IsolatedTomcat tomcat : new IsolatedTomcat[] {tomcatA, tomcatB}) {
            if (tomcat != null) {
                tomcat.close();
            }
        }
    }

    @Test
    @DisplayName("signed in through node A: node B knows the citizen from the same browser cookie")
    void signInWhenThroughNodeAThenNodeBSeesSameCitizen() {
        SsoBrowser browser = new SsoBrowser(harness);
        Page onA = browser.signIn(browser.open(nodeA.uri("/profile")), Citizen.SITI);
        String user = remoteUser(onA);

        Page onB = browser.openWithoutFollowing(nodeB.uri("/profile"));

        assertThat(onB.status()).as("%s", onB).isEqualTo(200);
        assertThat(remoteUser(onB)).isNotEmpty().isEqualTo(user);
    }

    @Test
    @DisplayName("back-channel logout delivered to node A: node B's next request is not signed in")
    void backChannelLogoutWhenDeliveredToNodeAThenNodeBSignsOut() throws InterruptedException {
        SsoBrowser browser = new SsoBrowser(harness);
        browser.signIn(browser.open(nodeA.uri("/profile")), Citizen.SITI);
        assertThat(browser.openWithoutFollowing(nodeB.uri("/profile")).status()).isEqualTo(200);
        String postLogout = harness.clients().callback("/other-app/signed-out");
        TestClient otherApp = harness.clients().register(ClientSpec.confidential().postLogoutRedirectUris(postLogout));
        CompletedFlow other = harness.codeFlow().run(browser.providerBrowser(), otherApp, harness.request(otherApp),
                Citizen.SITI);

        URI endSession = URI.create(harness.discovery().endSessionEndpoint() + "?" + FormData.of(
                "id_token_hint", other.tokens().idToken(), "post_logout_redirect_uri", postLogout).encode());
        Page ended = browser.providerBrowser().open(endSession);
        if (!ended.leftServer()) {
            // the provider asked to confirm (RP-Initiated Logout 1.0 §2)
            HtmlForm form = HtmlForm.all(ended).get(0);
            ended = browser.providerBrowser().submit(form, form.defaults());
        }
        assertThat(ended.leftServer()).as("the provider ended its session: %s", ended).isTrue();

        Instant deadline = Instant.now().plus(BACK_CHANNEL_DEADLINE);
        Page onB = browser.openWithoutFollowing(nodeB.uri("/profile"));
        while (onB.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            onB = browser.openWithoutFollowing(nodeB.uri("/profile"));
        }
        assertThat(onB.leftServer()).as("node B sends the browser to sign in again: %s", onB).isTrue();
        assertThat(onB.location().orElseThrow().toString())
                .startsWith(harness.discovery().authorizationEndpoint().toString());
    }

    @Test
    @DisplayName("Redis unreachable at deployment: the application does not start (no unprotected pages)")
    void deploymentWhenRedisUnreachableThenApplicationDoesNotStart() throws IOException {
        AppDeployment redisDown = tomcatA.deploy("/redis-down", SdkApps.war("jakarta-war"),
                SdkApps.configParameter(SdkApps.configFile(redisSettings("/redis-down", closedPort()))));

        assertThat(redisDown.available()).isFalse();
    }

    @Test
    @DisplayName("Redis going down while signed in: the next request gets 503, never a 500 or the page")
    void requestWhenRedisGoesDownThenServiceUnavailable() throws IOException {
        int port = closedPort();
        RedisServer redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        redis.start();
        try {
            AppDeployment app = tomcatB.deploy("/redis-dies", SdkApps.war("jakarta-war"),
                    SdkApps.configParameter(SdkApps.configFile(redisSettings("/redis-dies", port))));
            assertThat(app.available()).isTrue();
            SsoBrowser browser = new SsoBrowser(harness);
            assertThat(browser.signIn(browser.open(app.uri("/profile")), Citizen.SITI).status()).isEqualTo(200);

            redis.stop();
            Page page = browser.openWithoutFollowing(app.uri("/profile"));

            assertThat(page.status()).as("%s", page).isEqualTo(503);
            assertThat(page.body()).doesNotContain("remote-user");
        } finally {
            if (redis.isActive()) {
                redis.stop();
            }
        }
    }

    private Map<String, String> redisSettings(String contextPath, int redisPort) {
        TestClient client = SdkApps.register(harness, URI.create(tomcatB.origin() + contextPath));
        Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, client));
        settings.put("satupintu.session-store", "redis");
        settings.put("satupintu.redis-uri", "redis://127.0.0.1:" + redisPort);
        settings.put("satupintu.http-timeout", "PT2S");
        return settings;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String remoteUser(Page page) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"remote-user\">([^<]*)<").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no remote user on " + page + ": " + page.headline());
        }
        return matcher.group(1);
    }
}
