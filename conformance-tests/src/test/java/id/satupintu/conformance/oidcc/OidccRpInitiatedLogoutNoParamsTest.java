package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.RpInitiatedLogout;

/**
 * oidcc-rp-initiated-logout-no-params: the end-session endpoint without any parameter. The provider
 * cannot know any client to return to, so it ends the session (after a confirmation, if it asks one,
 * RP-Initiated Logout 1.0 §2) on a page of its own: no redirect away, never an error.
 */
@DisplayName("oidcc-rp-initiated-logout-no-params")
class OidccRpInitiatedLogoutNoParamsTest extends ConformanceTest {

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
    @DisplayName("logout without parameters: the provider's own page, no redirect, session ended")
    void logoutWhenNoParametersThenProvidersPageAndSessionEnded() {
        Browser browser = newBrowser();
        signIn(browser, client, request(client));

        Page page = logout.logout(browser);

        assertThat(page.leftServer()).as("redirect with nowhere validated to go: " + page).isFalse();
        assertThat(page.status()).isEqualTo(200);
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
