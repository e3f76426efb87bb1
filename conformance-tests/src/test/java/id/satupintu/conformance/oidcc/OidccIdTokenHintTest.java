package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-id-token-hint: prompt=none with the previous ID token as id_token_hint succeeds silently
 * for the same citizen (OIDC Core §3.1.2.1).
 */
@DisplayName("oidcc-id-token-hint")
class OidccIdTokenHintTest extends ConformanceTest {

    @Test
    @DisplayName("prompt=none with id_token_hint of the signed-in citizen: silent success, same sub and auth_time")
    void authorizeWhenHintMatchesSessionThenSilentSuccess() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client));
        CompletedFlow second = signIn(browser, client, request(client)
                .set("prompt", "none").set("id_token_hint", first.tokens().idToken()));

        assertThat(second.authorization().loginShown()).isFalse();
        assertThat(second.sub()).isEqualTo(first.sub());
        assertThat(IdTokens.authTime(second.idToken())).isEqualTo(IdTokens.authTime(first.idToken()));
    }

    @Test
    @DisplayName("prompt=none with the id_token_hint of another citizen: login_required, no code")
    void authorizeWhenHintNamesAnotherCitizenThenLoginRequired() {
        TestClient client = registerClient();
        CompletedFlow budi = harness.codeFlow().run(newBrowser(), client, request(client), Citizen.BUDI);
        Browser sitisBrowser = newBrowser();
        signIn(sitisBrowser, client, request(client));

        AuthorizationRequest request = request(client).set("prompt", "none")
                .set("id_token_hint", budi.tokens().idToken());
        var authorization = harness.authorizer().authorize(sitisBrowser, request, null);
        assertErrorRedirect(authorization, request, "login_required", "interaction_required");
    }

    @Test
    @DisplayName("id_token_hint that is not a JWT: an error, never a code and never a 500")
    void authorizeWhenHintIsGarbageThenError() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        AuthorizationRequest request = request(client).set("prompt", "none").set("id_token_hint", "not-a-jwt");
        var authorization = harness.authorizer().authorize(browser, request, null);
        if (authorization.response().isPresent()) {
            assertErrorRedirect(authorization, request, "invalid_request", "login_required", "interaction_required");
        } else {
            assertErrorPageWithoutRedirect(authorization);
        }
    }
}
