package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Pkce;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PKCE S256 is required of every client, plain is refused, and the verifier must match (RFC 7636, RFC 9700 §2.1.1). */
@DisplayName("PKCE S256 required")
class PkceTest extends ConformanceTest {

    @Test
    @DisplayName("confidential client without code_challenge: invalid_request redirect, no code")
    void authorizeWhenChallengeMissingThenInvalidRequest() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).without("code_challenge").without("code_challenge_method");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_request");
    }

    @Test
    @DisplayName("code_challenge_method=plain: invalid_request, no code")
    void authorizeWhenPlainMethodThenInvalidRequest() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).set("code_challenge", Pkce.generate().verifier())
                .set("code_challenge_method", "plain");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_request");
    }

    @Test
    @DisplayName("code_challenge without a method (defaults to plain): invalid_request")
    void authorizeWhenMethodOmittedThenInvalidRequest() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).without("code_challenge_method");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_request");
    }

    @Test
    @DisplayName("wrong code_verifier: invalid_grant, no tokens")
    void tokenWhenVerifierWrongThenInvalidGrant() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client);
        AuthorizationResponse response = authorize(client, request);
        TokenResponse refused = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(),
                Pkce.generate().verifier());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_grant");
        assertThat(refused.accessToken()).isNull();
    }

    @Test
    @DisplayName("code_verifier missing at the token endpoint: invalid_grant")
    void tokenWhenVerifierMissingThenInvalidGrant() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client);
        AuthorizationResponse response = authorize(client, request);
        TokenResponse refused = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isIn("invalid_grant", "invalid_request");
        assertThat(refused.accessToken()).isNull();
    }

    @Test
    @DisplayName("public client (auth none) with PKCE S256: the flow succeeds without a secret")
    void codeFlowWhenPublicClientWithPkceThenSucceeds() {
        TestClient client = registerClient(ClientSpec.publicClient());
        assertThat(client.clientSecret()).as("no secret for a public client").isNull();
        assertThat(signIn(client).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("public client without code_challenge: invalid_request")
    void authorizeWhenPublicClientWithoutChallengeThenInvalidRequest() {
        TestClient client = registerClient(ClientSpec.publicClient());
        AuthorizationRequest request = request(client).without("code_challenge").without("code_challenge_method");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_request");
    }

    private static AuthorizationResponse authorize(TestClient client, AuthorizationRequest request) {
        return harness.codeFlow().checkedResponse(harness.authorizer().authorize(newBrowser(), request, Citizen.SITI),
                request);
    }
}
