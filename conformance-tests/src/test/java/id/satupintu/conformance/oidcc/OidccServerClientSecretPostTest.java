package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-server-client-secret-post: the oidcc-server flow with client_secret_post (OIDC Core §9). */
@DisplayName("oidcc-server-client-secret-post")
class OidccServerClientSecretPostTest extends ConformanceTest {

    private static TestClient postClient() {
        return registerClient(ClientSpec.confidential().authMethod("client_secret_post"));
    }

    @Test
    @DisplayName("client_secret_post: the complete flow succeeds and UserInfo agrees on sub")
    void codeFlowWhenClientSecretPostThenSucceeds() {
        TestClient client = postClient();
        assertThat(client.authMethod()).isEqualTo("client_secret_post");
        assertThat(client.clientSecret()).as("server-generated secret").isNotBlank().hasSizeGreaterThanOrEqualTo(32);
        CompletedFlow flow = signIn(client);
        assertThat(userInfo(flow.accessToken()).get("sub")).isEqualTo(flow.sub());
    }

    @Test
    @DisplayName("client_secret_post with a wrong secret: 401 invalid_client, the code is not spent on it")
    void tokenWhenWrongSecretThenInvalidClient() {
        TestClient client = postClient();
        var request = request(client);
        var response = harness.codeFlow().checkedResponse(
                harness.authorizer().authorize(newBrowser(), request, Citizen.SITI), request);
        TokenResponse refused = harness.tokens().exchangeCode(client.withSecret("wrong-secret"), response.code(),
                request.redirectUri(), request.codeVerifier());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("invalid_client");
        assertThat(harness.tokens().exchangeCode(client, response.code(), request.redirectUri(), request.codeVerifier())
                .status()).as("the rightful exchange afterwards").isEqualTo(200);
    }

    @Test
    @DisplayName("a client_secret_post client authenticating with Basic instead: refused with invalid_client")
    void tokenWhenRegisteredPostButUsesBasicThenInvalidClient() {
        TestClient client = postClient();
        TestClient asBasic = new TestClient(client.clientId(), client.clientSecret(), "client_secret_basic",
                client.agency(), client.redirectUris(), client.postLogoutRedirectUris(), client.idTokenAlg(),
                client.registration());
        TokenResponse response = harness.tokens().request(asBasic,
                FormData.of("grant_type", "client_credentials"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("invalid_client");
    }
}
