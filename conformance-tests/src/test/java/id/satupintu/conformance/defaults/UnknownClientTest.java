package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An unknown client_id never gets a redirect (RFC 6749 §4.1.2.1) nor tokens (§5.2). */
@DisplayName("unknown client")
class UnknownClientTest extends ConformanceTest {

    @Test
    @DisplayName("authorize with an unknown client_id: error page, no redirect, no login page")
    void authorizeWhenClientUnknownThenErrorPageWithoutRedirect() {
        TestClient known = registerClient();
        Authorization authorization = harness.authorizer().authorize(newBrowser(),
                request(known).set("client_id", "no-such-client"), Citizen.SITI);
        assertErrorPageWithoutRedirect(authorization);
        assertThat(authorization.loginShown()).isFalse();
    }

    @Test
    @DisplayName("authorize without client_id: error page, no redirect")
    void authorizeWhenClientIdMissingThenErrorPageWithoutRedirect() {
        Authorization authorization = harness.authorizer().authorize(newBrowser(),
                request(registerClient()).without("client_id"), Citizen.SITI);
        assertErrorPageWithoutRedirect(authorization);
    }

    @Test
    @DisplayName("token endpoint with an unknown client: 401 invalid_client with a WWW-Authenticate for Basic")
    void tokenWhenClientUnknownThenInvalidClient() {
        TestClient unknown = new TestClient("no-such-client", "whatever", "client_secret_basic", "none",
                List.of(URI.create("http://localhost:1/cb")), List.of(), "RS256",
                Map.of());
        TokenResponse response = harness.tokens().request(unknown, FormData.of("grant_type", "client_credentials"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("invalid_client");
    }

    @Test
    @DisplayName("demo-portal with a wrong secret: 401 invalid_client")
    void tokenWhenDemoPortalSecretWrongThenInvalidClient() {
        TokenResponse response = harness.tokens().request(TestClient.DEMO_PORTAL.withSecret("not-the-secret"),
                FormData.of("grant_type", "client_credentials"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error()).isEqualTo("invalid_client");
    }
}
