package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2, §3): id_token_hint, exact
 * post_logout_redirect_uri, state; afterwards the session is gone.
 */
@DisplayName("end-session (RP-initiated logout)")
class EndSessionTest extends ConformanceTest {

    private static TestClient client;
    private static String postLogoutUri;

    @BeforeAll
    static void registerClientWithLogoutUri() {
        postLogoutUri = harness.clients().callback("/logged-out");
        client = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri));
    }

    @Test
    @DisplayName("logout with id_token_hint and the registered URI: redirected there with state; prompt=none then gets login_required")
    void endSessionWhenHintAndRegisteredUriThenRedirectWithStateAndSessionEnded() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));

        Page page = browser.open(endSession(flow.tokens().idToken(), postLogoutUri, "logout-state-1"));
        Page result = confirmIfAsked(browser, page);

        assertThat(result.leftServer()).as("redirected after logout").isTrue();
        AuthorizationResponse redirect = AuthorizationResponse.from(result.location().orElseThrow());
        assertThat(redirect.target()).isEqualTo(postLogoutUri);
        assertThat(redirect.state()).isEqualTo("logout-state-1");

        AuthorizationRequest silent = request(client).set("prompt", "none");
        assertErrorRedirect(harness.authorizer().authorize(browser, silent, null), silent, "login_required");
    }

    @Test
    @DisplayName("logout with an unregistered post_logout_redirect_uri: no redirect there")
    void endSessionWhenUriNotRegisteredThenNoRedirect() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));
        Page page = browser.open(endSession(flow.tokens().idToken(), postLogoutUri + "/other", "s"));
        assertThat(page.leftServer() && page.location().orElseThrow().toString().startsWith(postLogoutUri + "/other"))
                .as("redirected to the unregistered URI").isFalse();
        assertThat(page.status()).isNotEqualTo(500);
    }

    @Test
    @DisplayName("logout with a forged id_token_hint: refused, never a 500, never a redirect")
    void endSessionWhenHintForgedThenRefused() {
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client));
        String idToken = flow.tokens().idToken();
        String forged = idToken.substring(0, idToken.lastIndexOf('.') + 1) + "AAAA";
        Page page = browser.open(endSession(forged, postLogoutUri, "s"));
        assertThat(page.leftServer()).as("redirect on a forged hint").isFalse();
        assertThat(page.status()).isBetween(400, 499);
    }

    @Test
    @DisplayName("logout without id_token_hint or client_id: the post_logout_redirect_uri cannot be checked, so no redirect")
    void endSessionWhenNoHintThenNoRedirect() {
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        URI withoutHint = URI.create(harness.discovery().endSessionEndpoint() + "?"
                + FormData.of("post_logout_redirect_uri", postLogoutUri, "state", "s").encode());
        Page page = confirmIfAsked(browser, browser.open(withoutHint));
        assertThat(page.leftServer() && page.location().orElseThrow().toString().startsWith(postLogoutUri))
                .as("redirected to the client without knowing which client asked").isFalse();
        assertThat(page.status()).isNotEqualTo(500);
    }

    private static URI endSession(String idTokenHint, String postLogoutRedirectUri, String state) {
        String query = FormData.of("id_token_hint", idTokenHint, "post_logout_redirect_uri", postLogoutRedirectUri,
                "state", state).encode();
        return URI.create(harness.discovery().endSessionEndpoint() + "?" + query);
    }

    /** A server may ask the citizen to confirm (RP-Initiated Logout §2); confirm through its form when it does. */
    private static Page confirmIfAsked(Browser browser, Page page) {
        if (page.leftServer()) {
            return page;
        }
        return HtmlForm.all(page).stream().findFirst()
                .map(form -> browser.submit(form, form.defaults()))
                .orElse(page);
    }
}
