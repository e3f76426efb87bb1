package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-rp-initiated-logout-no-post-logout-redirect-uri: {@code id_token_hint} and {@code state} but
 * no {@code post_logout_redirect_uri}: the session ends and the provider shows its own page rather than
 * guessing a URI of the client (RP-Initiated Logout 1.0 §3).
 */
@DisplayName("oidcc-rp-initiated-logout-no-post-logout-redirect-uri")
class OidccRpInitiatedLogoutNoPostLogoutRedirectUriTest extends ConformanceTest {

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
    @DisplayName("logout with id_token_hint but no post_logout_redirect_uri: the provider's page, session ended")
    void logoutWhenNoPostLogoutRedirectUriThenProvidersPageAndSessionEnded() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "state", "no-uri");

        assertThat(page.leftServer()).as("redirect without a post_logout_redirect_uri: " + page).isFalse();
        assertThat(page.status()).isEqualTo(200);
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
