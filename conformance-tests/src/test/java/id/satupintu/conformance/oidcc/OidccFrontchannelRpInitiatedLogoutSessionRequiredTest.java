package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.FrontChannelFrames;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-frontchannel-rp-initiated-logout-session-required: a client that registered
 * {@code frontchannel_logout_session_required} (Front-Channel Logout 1.0 §2) has it echoed by
 * registration, and the iframe of its logout page MUST carry {@code iss} and {@code sid} (§3), the
 * {@code sid} being the one of its ID token. The URI is registered without a query of its own.
 */
@DisplayName("oidcc-frontchannel-rp-initiated-logout-session-required")
class OidccFrontchannelRpInitiatedLogoutSessionRequiredTest extends ConformanceTest {

    @Test
    @DisplayName("session required: registration echoes it; the iframe carries iss and the ID token's sid")
    void logoutWhenSessionRequiredThenFrameCarriesIssAndIdTokensSid() {
        String postLogoutUri = harness.clients().callback("/signed-out");
        String frontchannelUri = harness.clients().callback("/frontchannel-logout");
        TestClient client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri)
                .set("frontchannel_logout_uri", frontchannelUri).set("frontchannel_logout_session_required", true));
        assertThat(client.registration()).containsEntry("frontchannel_logout_uri", frontchannelUri)
                .containsEntry("frontchannel_logout_session_required", true);
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));
        RpInitiatedLogout logout = new RpInitiatedLogout(harness);

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "post_logout_redirect_uri",
                postLogoutUri, "state", "fc-sid");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(FrontChannelFrames.frameOf(page, frontchannelUri)).containsOnlyKeys("iss", "sid")
                .containsEntry("iss", harness.discovery().issuer())
                .containsEntry("sid", IdTokens.stringClaim(flow.idToken(), "sid"));
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
