package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.LogoutTokenChecks;
import id.satupintu.conformance.harness.logout.LogoutTokenReceiver;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-backchannel-rp-initiated-logout-session-required: a client that registered
 * {@code backchannel_logout_session_required} (Back-Channel Logout 1.0 §2.2) has it echoed by
 * registration, and its logout token must carry the {@code sid} its ID token carried (§2.4).
 */
@DisplayName("oidcc-backchannel-rp-initiated-logout-session-required")
class OidccBackchannelRpInitiatedLogoutSessionRequiredTest extends ConformanceTest {

    private final LogoutTokenReceiver receiver = new LogoutTokenReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    @DisplayName("session required: registration echoes it; the logout token's sid is the ID token's")
    void logoutWhenSessionRequiredThenLogoutTokenCarriesIdTokensSid() throws Exception {
        String postLogoutUri = harness.clients().callback("/signed-out");
        TestClient client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri)
                .set("backchannel_logout_uri", receiver.uri()).set("backchannel_logout_session_required", true));
        assertThat(client.registration()).containsEntry("backchannel_logout_uri", receiver.uri())
                .containsEntry("backchannel_logout_session_required", true);
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));
        String sid = IdTokens.stringClaim(flow.idToken(), "sid");
        assertThat(sid).as("sid in the ID token (§2.1)").isNotBlank();
        RpInitiatedLogout logout = new RpInitiatedLogout(harness);

        RpInitiatedLogout.redirect(logout.logout(browser, "id_token_hint", flow.tokens().idToken(),
                "post_logout_redirect_uri", postLogoutUri, "state", "bc-sid"));

        List<LogoutTokenReceiver.Received> received = receiver.awaitReceived(1, OidccBackchannelRpInitiatedLogoutTest.WAIT);
        assertThat(received).as("logout tokens received").hasSize(1);
        JWTClaimsSet token = LogoutTokenChecks.verify(received.get(0).logoutToken(), harness.discovery(), client);
        assertThat(IdTokens.stringClaim(token, "sid")).isEqualTo(sid);
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
