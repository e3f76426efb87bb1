package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-ensure-redirect-uri-in-authorization-request: redirect_uri is required in an OpenID
 * request (OIDC Core §3.1.2.1) even for a client with one registered URI. The server shows an
 * error page, or redirects invalid_request with the state; it never issues a code.
 */
@DisplayName("oidcc-ensure-redirect-uri-in-authorization-request")
class OidccEnsureRedirectUriInAuthorizationRequestTest extends ConformanceTest {

    @Test
    @DisplayName("no redirect_uri: error page or invalid_request, never a code")
    void authorizeWhenRedirectUriMissingThenErrorWithoutCode() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).without("redirect_uri");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        if (authorization.response().isPresent()) {
            AuthorizationResponse response = authorization.redirect();
            assertThat(response.target()).isEqualTo(client.redirectUri().toString());
            assertThat(response.code()).as("code").isNull();
            assertThat(response.error()).isIn("invalid_request", "invalid_request_object");
            assertThat(response.state()).isEqualTo(request.state());
        } else {
            assertErrorPageWithoutRedirect(authorization);
        }
    }
}
