package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

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
 * oidcc-rp-initiated-logout-no-state: {@code state} is optional (RP-Initiated Logout 1.0 §2); without
 * it the browser goes to the registered {@code post_logout_redirect_uri} exactly, with no {@code state}
 * made up.
 */
@DisplayName("oidcc-rp-initiated-logout-no-state")
class OidccRpInitiatedLogoutNoStateTest extends ConformanceTest {

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
    @DisplayName("logout without state: redirected to exactly the registered URI, no state, session ended")
    void logoutWhenNoStateThenRedirectedToExactUriWithoutState() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "post_logout_redirect_uri", postLogoutUri);

        URI target = RpInitiatedLogout.redirectedTo(page)
                .orElseThrow(() -> new AssertionError("no redirect to the client: " + page + " " + page.headline()));
        assertThat(target).isEqualTo(URI.create(postLogoutUri));
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
