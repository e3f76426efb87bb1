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
 * oidcc-rp-initiated-logout-only-state: only {@code state}. With no {@code post_logout_redirect_uri}
 * there is nowhere to return it to (RP-Initiated Logout 1.0 §3): the session ends on the provider's own
 * page, no redirect.
 */
@DisplayName("oidcc-rp-initiated-logout-only-state")
class OidccRpInitiatedLogoutOnlyStateTest extends ConformanceTest {

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
    @DisplayName("logout with only state: the provider's page, no redirect, session ended")
    void logoutWhenOnlyStateThenProvidersPageAndSessionEnded() {
        Browser browser = newBrowser();
        signIn(browser, client, request(client));

        Page page = logout.logout(browser, "state", "only-state");

        assertThat(page.leftServer()).as("redirect with only state: " + page).isFalse();
        assertThat(page.status()).isEqualTo(200);
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
