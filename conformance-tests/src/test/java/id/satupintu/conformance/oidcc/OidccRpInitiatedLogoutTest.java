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
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-rp-initiated-logout: with {@code id_token_hint}, a registered {@code post_logout_redirect_uri}
 * and {@code state}, the provider ends the session and sends the browser to that URI with the same
 * {@code state} (RP-Initiated Logout 1.0 §2, §3); a later {@code prompt=none} gets {@code login_required}.
 */
@DisplayName("oidcc-rp-initiated-logout")
class OidccRpInitiatedLogoutTest extends ConformanceTest {

    private static TestClient client;
    private static String postLogoutUri;
    private static RpInitiatedLogout logout;

    @BeforeAll
    static void registerClientWithPostLogoutUri() {
        postLogoutUri = harness.clients().callback("/signed-out");
        client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri));
        logout = new RpInitiatedLogout(harness);
    }

    @Test
    @DisplayName("logout with id_token_hint, post_logout_redirect_uri and state: redirected there with state, session ended")
    void logoutWhenHintRegisteredUriAndStateThenRedirectedWithStateAndSessionEnded() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(),
                "post_logout_redirect_uri", postLogoutUri, "state", "rp-logout-1");

        AuthorizationResponse redirect = RpInitiatedLogout.redirect(page);
        assertThat(redirect.target()).isEqualTo(postLogoutUri);
        assertThat(redirect.state()).isEqualTo("rp-logout-1");
        assertThat(logout.silentAuthorization(browser, client).error()).isEqualTo("login_required");
    }
}
