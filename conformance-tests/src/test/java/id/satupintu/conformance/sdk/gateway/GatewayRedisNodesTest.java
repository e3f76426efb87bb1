package id.satupintu.conformance.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.boot.SdkProcess;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import id.satupintu.idp.testsupport.RealStores;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two gateway nodes with {@code satupintu.session-store=redis} on the conformance Redis, in front of one
 * {@code app.py}, as behind a load balancer: a sign-in through node A holds on node B, and a back-channel
 * logout the provider delivers to node A (Back-Channel Logout 1.0 §2.5) ends it on node B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK SSO gateway: two nodes sharing sign-ins in Redis")
class GatewayRedisNodesTest {

    private static final Duration BACK_CHANNEL_DEADLINE = Duration.ofSeconds(20);

    private final List<SdkProcess> processes = new ArrayList<>();

    @RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher output = SdkProcess.showOutputOnFailure(() -> processes);

    private Harness harness;
    private URI nodeA;
    private URI nodeB;

    @BeforeAll
    void startUpstreamAndTwoGateways() {
        harness = Harness.get();
        int upstreamPort = SdkProcess.freePort();
        processes.add(GatewayProcesses.upstream(upstreamPort));
        int portA = SdkProcess.freePort();
        int portB = SdkProcess.freePort();
        nodeA = URI.create("http://127.0.0.1:" + portA);
        nodeB = URI.create("http://127.0.0.1:" + portB);
        // the provider delivers back-channel logout to one URI: node A's, as it would to a load balancer
        TestClient client = harness.clients().register(ClientSpec.confidential()
                .redirectUris(nodeA + SdkApps.CALLBACK_PATH, nodeB + SdkApps.CALLBACK_PATH)
                .set("backchannel_logout_uri", nodeA + SdkApps.BACKCHANNEL_LOGOUT_PATH)
                .set("backchannel_logout_session_required", true));
        for (int port : new int[] {portA, portB}) {
            Properties settings = new Properties();
            settings.putAll(SdkApps.settings(harness, client));
            settings.put("satupintu.session-store", "redis");
            settings.put("satupintu.redis-uri", "redis://127.0.0.1:" + RealStores.redisPort());
            settings.put("gateway.listen-host", "127.0.0.1");
            settings.put("gateway.listen-port", String.valueOf(port));
            settings.put("gateway.upstream", "http://127.0.0.1:" + upstreamPort);
            processes.add(GatewayProcesses.gateway("gateway " + (port == portA ? "A" : "B"), settings));
        }
    }

    @AfterAll
    void stopProcesses() {
        processes.forEach(SdkProcess::close);
    }

    @Test
    @DisplayName("signed in through node A: node B passes the same identity upstream")
    void signInWhenThroughNodeAThenNodeBPassesSameIdentity() {
        SsoBrowser browser = new SsoBrowser(harness);
        browser.signIn(browser.open(URI.create(nodeA + "/")), Citizen.SITI);
        String subjectOnA = subject(browser.openWithoutFollowing(URI.create(nodeA + "/api/whoami")));

        Page onB = browser.openWithoutFollowing(URI.create(nodeB + "/api/whoami"));

        assertThat(onB.status()).as("%s", onB).isEqualTo(200);
        assertThat(subject(onB)).isNotBlank().isEqualTo(subjectOnA);
    }

    @Test
    @DisplayName("back-channel logout delivered to node A: node B's next request is not signed in")
    void backChannelLogoutWhenDeliveredToNodeAThenNodeBSignsOut() throws InterruptedException {
        SsoBrowser browser = new SsoBrowser(harness);
        browser.signIn(browser.open(URI.create(nodeA + "/")), Citizen.BUDI);
        assertThat(browser.openWithoutFollowing(URI.create(nodeB + "/")).status()).isEqualTo(200);
        String postLogout = harness.clients().callback("/other-app/signed-out");
        TestClient otherApp = harness.clients().register(ClientSpec.confidential().postLogoutRedirectUris(postLogout));
        CompletedFlow other = harness.codeFlow().run(browser.providerBrowser(), otherApp, harness.request(otherApp),
                Citizen.BUDI);

        Page ended = browser.providerBrowser().open(URI.create(harness.discovery().endSessionEndpoint() + "?"
                + FormData.of("id_token_hint", other.tokens().idToken(), "post_logout_redirect_uri", postLogout).encode()));
        if (!ended.leftServer()) {
            // the provider asked to confirm (RP-Initiated Logout 1.0 §2)
            HtmlForm form = HtmlForm.all(ended).get(0);
            ended = browser.providerBrowser().submit(form, form.defaults());
        }
        assertThat(ended.leftServer()).as("the provider ended its session: %s", ended).isTrue();

        Instant deadline = Instant.now().plus(BACK_CHANNEL_DEADLINE);
        Page onB = browser.openWithoutFollowing(URI.create(nodeB + "/"));
        while (onB.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            onB = browser.openWithoutFollowing(URI.create(nodeB + "/"));
        }
        assertThat(onB.leftServer()).as("node B sends the browser to sign in again: %s", onB).isTrue();
        assertThat(onB.location().orElseThrow().toString())
                .startsWith(harness.discovery().authorizationEndpoint().toString());
    }

    private static String subject(Page whoami) {
        assertThat(whoami.status()).as("%s", whoami).isEqualTo(200);
        Map<String, Object> identity = Json.object(whoami.body());
        return (String) identity.get("subject");
    }
}
