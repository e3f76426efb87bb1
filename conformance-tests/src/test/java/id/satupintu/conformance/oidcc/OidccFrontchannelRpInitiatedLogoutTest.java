package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.FrontChannelFrames;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-frontchannel-rp-initiated-logout: a client registered with a {@code frontchannel_logout_uri}
 * (Front-Channel Logout 1.0 §2) asks for logout. The provider's logout page renders that URI in an
 * iframe with {@code iss} and {@code sid} (§3: the initiating RP's frame too), allows framing its
 * origin, and links on to the {@code post_logout_redirect_uri} with {@code state}; the session is over.
 */
@DisplayName("oidcc-frontchannel-rp-initiated-logout")
class OidccFrontchannelRpInitiatedLogoutTest extends ConformanceTest {

    private static String postLogoutUri;
    private static RpInitiatedLogout logout;

    @BeforeAll
    static void discoverLogout() {
        postLogoutUri = harness.clients().callback("/signed-out");
        logout = new RpInitiatedLogout(harness);
    }

    @Test
    @DisplayName("discovery advertises front-channel logout with iss and sid")
    void discoveryWhenFetchedThenFrontchannelLogoutSupported() {
        assertThat(harness.discovery().metadata()).containsEntry("frontchannel_logout_supported", true)
                .containsEntry("frontchannel_logout_session_supported", true);
    }

    @Test
    @DisplayName("RP-initiated logout: iframe of the frontchannel_logout_uri with iss and sid, then on to the client with state")
    void logoutWhenFrontchannelUriRegisteredThenFramedWithIssAndSidThenContinueWithState() {
        String frontchannelUri = harness.clients().callback("/frontchannel-logout?rp=kependudukan");
        TestClient client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri)
                .set("frontchannel_logout_uri", frontchannelUri));
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "post_logout_redirect_uri",
                postLogoutUri, "state", "fc-1");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(FrontChannelFrames.frameOf(page, frontchannelUri))
                .containsEntry("iss", harness.discovery().issuer())
                .containsEntry("sid", IdTokens.stringClaim(flow.idToken(), "sid"));
        assertThat(FrontChannelFrames.policyAllowsFraming(page, frontchannelUri)).as("frame-src").isTrue();
        AuthorizationResponse onward = AuthorizationResponse.from(RpInitiatedLogout.continueLink(page)
                .orElseThrow(() -> new AssertionError("no link on to the client")));
        assertThat(onward.target()).isEqualTo(postLogoutUri);
        assertThat(onward.state()).isEqualTo("fc-1");
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
