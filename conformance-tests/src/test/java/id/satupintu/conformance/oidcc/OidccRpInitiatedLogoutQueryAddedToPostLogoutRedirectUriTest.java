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
 * oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri: a registered
 * {@code post_logout_redirect_uri} with a query of its own. The provider keeps that query and adds
 * {@code state} to it (RP-Initiated Logout 1.0 §3: the query component must be retained).
 */
@DisplayName("oidcc-rp-initiated-logout-query-added-to-post-logout-redirect-uri")
class OidccRpInitiatedLogoutQueryAddedToPostLogoutRedirectUriTest extends ConformanceTest {

    private static TestClient client;
    private static String postLogoutUri;
    private static RpInitiatedLogout logout;

    @BeforeAll
    static void registerClientWithPostLogoutUri() {
        postLogoutUri = harness.clients().callback("/signed-out?from=satupintu&lang=id");
        client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri));
        logout = new RpInitiatedLogout(harness);
    }

    @Test
    @DisplayName("registered URI with a query: redirect keeps the query and adds state")
    void logoutWhenRegisteredUriHasQueryThenQueryKeptAndStateAdded() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = logout.logout(browser, "id_token_hint", flow.tokens().idToken(), "post_logout_redirect_uri",
                postLogoutUri, "state", "with-query");

        AuthorizationResponse redirect = RpInitiatedLogout.redirect(page);
        assertThat(redirect.target()).isEqualTo(postLogoutUri.substring(0, postLogoutUri.indexOf('?')));
        assertThat(redirect.parameters()).containsEntry("from", "satupintu").containsEntry("lang", "id")
                .containsEntry("state", "with-query");
        assertThat(logout.stillSignedIn(browser, client)).as("session after logout").isFalse();
    }
}
