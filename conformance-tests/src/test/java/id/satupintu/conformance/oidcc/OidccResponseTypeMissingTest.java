package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-response-type-missing: without response_type the server shows an error page, or
 * redirects an invalid_request / unsupported_response_type error (RFC 6749 §3.1.1, §4.1.2.1).
 */
@DisplayName("oidcc-response-type-missing")
class OidccResponseTypeMissingTest extends ConformanceTest {

    @Test
    @DisplayName("no response_type: an error, never a code and never a 500")
    void authorizeWhenResponseTypeMissingThenErrorWithoutCode() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).without("response_type");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        if (authorization.response().isPresent()) {
            assertErrorRedirect(authorization, request, "invalid_request", "unsupported_response_type");
        } else {
            assertErrorPageWithoutRedirect(authorization);
        }
        assertThat(authorization.finalPage().status()).isNotEqualTo(500);
    }

    @Test
    @DisplayName("response_type=token (implicit) is refused with unsupported_response_type")
    void authorizeWhenResponseTypeTokenThenUnsupportedResponseType() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).set("response_type", "token");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        if (authorization.response().isPresent()) {
            assertErrorRedirect(authorization, request, "unsupported_response_type", "invalid_request",
                    "unauthorized_client");
            assertThat(authorization.finalPage().location().orElseThrow().getRawFragment())
                    .as("no token in a fragment").isNull();
        } else {
            assertErrorPageWithoutRedirect(authorization);
        }
    }
}
