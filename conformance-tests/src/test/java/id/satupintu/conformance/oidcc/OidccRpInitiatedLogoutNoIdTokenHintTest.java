package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-rp-initiated-logout-no-id-token-hint: {@code client_id} instead of {@code id_token_hint}
 * (RP-Initiated Logout 1.0 §2: it names the client whose {@code post_logout_redirect_uri} is checked).
 * The provider may ask the citizen to confirm (§2), which the test does; then the session ends and the
 * browser goes to the registered URI with {@code state}.
 */
@DisplayName("oidcc-rp-initiated-logout-no-id-token-hint")
class OidccRpInitiatedLogoutNoIdTokenHintTest extends ConformanceTest {

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
    @DisplayName("logout with client_id, post_logout_redirect_uri and state: redirected there with state, session ended")
    void logoutWhenClientIdWithoutHintThenRedirectedWithStateAndSessionEnded() {
        Browser browser = newBrowser();
        signIn(browser, client, request(client));

        Page page = logout.logout(browser, "client_id", client.clientId(), "post_logout_redirect_uri", postLogoutUri,
                "state", "no-hint");

        AuthorizationResponse redirect = RpInitiatedLogout.redirect(page);
        assertThat(redirect.target()).isEqualTo(postLogoutUri);
        assertThat(redirect.state()).isEqualTo("no-hint");
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
