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
 * oidcc-rp-initiated-logout-bad-post-logout-redirect-uri: a {@code post_logout_redirect_uri} the client
 * never registered must not be redirected to (RP-Initiated Logout 1.0 §3: it must exactly match a
 * registered one): an error page with a 4xx status, never a 500, and the refused request ends nothing.
 */
@DisplayName("oidcc-rp-initiated-logout-bad-post-logout-redirect-uri")
class OidccRpInitiatedLogoutBadPostLogoutRedirectUriTest extends ConformanceTest {

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
    @DisplayName("unregistered post_logout_redirect_uri: error page, no redirect, session kept")
    void logoutWhenPostLogoutRedirectUriNotRegisteredThenRefusedWithoutRedirectAndSessionKept() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "post_logout_redirect_uri",
                "https://attacker.example/signed-out", "state", "bad-uri");

        assertThat(page.leftServer()).as("redirect to an unregistered URI: " + page).isFalse();
        assertThat(page.status()).isBetween(400, 499);
        assertThat(logout.stillSignedIn(browser, client)).as("session after a refused logout").isTrue();
    }
}
