package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-ensure-post-request-succeeds: the authorization request may arrive as a form POST
 * (OIDC Core §3.1.2.1); the flow must work, through sign-in and consent, exactly as with GET.
 */
@DisplayName("oidcc-ensure-post-request-succeeds")
class OidccEnsurePostRequestSucceedsTest extends ConformanceTest {

    @Test
    @DisplayName("authorization request by POST from a fresh browser: sign-in, then a code for the client")
    void authorizeWhenPostedWithoutSessionThenCodeAfterSignIn() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client);
        Authorization authorization = harness.authorizer().authorizeByPost(newBrowser(), request, Citizen.SITI);
        AuthorizationResponse response = harness.codeFlow().checkedResponse(authorization, request);
        assertThat(harness.tokens().exchangeCode(client, response.code(), request.redirectUri(), request.codeVerifier())
                .assertSuccess().idToken()).isNotBlank();
    }

    @Test
    @DisplayName("authorization request by POST with a session: a code without any page")
    void authorizeWhenPostedWithSessionThenCodeWithoutPages() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        AuthorizationRequest request = request(client);
        Authorization authorization = harness.authorizer().authorizeByPost(browser, request, Citizen.SITI);
        harness.codeFlow().checkedResponse(authorization, request);
        assertThat(authorization.loginShown()).isFalse();
    }
}
