package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Credentials;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The client_credentials grant (RFC 6749 §4.4): only for clients registered for it, never with user tokens. */
@DisplayName("client_credentials grant")
class ClientCredentialsTest extends ConformanceTest {

    @Test
    @DisplayName("registered for client_credentials: a Bearer access token, no refresh token, no ID token")
    void tokenWhenClientRegisteredForGrantThenAccessTokenOnly() {
        TestClient client = registerClient(ClientSpec.confidential()
                .set("grant_types", List.of("authorization_code", "client_credentials")));
        TokenResponse response = harness.tokens().request(client, FormData.of("grant_type", "client_credentials"))
                .assertSuccess();
        assertThat(response.json().get("token_type")).isEqualTo("Bearer");
        Credentials.assertAbsent(response.refreshToken(), "refresh token (RFC 6749 §4.4.3: SHOULD NOT)");
        Credentials.assertAbsent(response.idToken(), "ID token without a citizen");
        assertThat(harness.tokens().introspect(client, response.accessToken()).get("client_id")).isEqualTo(client.clientId());
    }

    @Test
    @DisplayName("not registered for client_credentials: unauthorized_client")
    void tokenWhenClientNotRegisteredForGrantThenUnauthorizedClient() {
        TokenResponse response = harness.tokens().request(registerClient(),
                FormData.of("grant_type", "client_credentials"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("unauthorized_client");
    }

    @Test
    @DisplayName("asking for the administrative scope client.create: invalid_scope")
    void tokenWhenAdministrativeScopeRequestedThenInvalidScope() {
        TestClient client = registerClient(ClientSpec.confidential()
                .set("grant_types", List.of("authorization_code", "client_credentials")));
        TokenResponse response = harness.tokens().request(client,
                FormData.of("grant_type", "client_credentials", "scope", "client.create"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_scope");
    }
}
