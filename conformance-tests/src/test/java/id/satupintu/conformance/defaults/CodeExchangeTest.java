package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.Credentials;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The code exchange repeats what the authorization request bound the code to (RFC 6749 §4.1.3). */
@DisplayName("code exchange")
class CodeExchangeTest extends ConformanceTest {

    @Test
    @DisplayName("redirect_uri left out of the exchange although it was in the request: refused")
    void tokenWhenRedirectUriOmittedThenRefused() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client);
        AuthorizationResponse response = harness.codeFlow().checkedResponse(
                harness.authorizer().authorize(newBrowser(), request, Citizen.SITI), request);
        TokenResponse refused = harness.tokens().request(client, FormData.of("grant_type", "authorization_code",
                "code", response.code(), "code_verifier", request.codeVerifier()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isIn("invalid_grant", "invalid_request");
        Credentials.assertAbsent(refused.accessToken(), "access token without the redirect_uri");
    }
}
