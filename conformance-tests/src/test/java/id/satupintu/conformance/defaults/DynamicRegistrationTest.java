package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dynamic client registration (RFC 7591) authorized by an initial access token; registered
 * metadata is validated.
 */
@DisplayName("dynamic client registration")
class DynamicRegistrationTest extends ConformanceTest {

    @Test
    @DisplayName("valid metadata: 201 with client_id, a high-entropy client_secret and the registered metadata")
    void registerWhenValidThenCreatedWithServerGeneratedSecret() {
        TestClient client = registerClient();
        Map<String, Object> registration = client.registration();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecret()).as("client_secret").isNotBlank().hasSizeGreaterThanOrEqualTo(32);
        assertThat(Json.stringList(registration, "redirect_uris")).containsExactly(client.redirectUri().toString());
        assertThat(registration).containsKey("client_secret_expires_at");
    }

    @Test
    @DisplayName("two registrations get different ids and secrets")
    void registerWhenTwiceThenDifferentIdsAndSecrets() {
        TestClient one = registerClient();
        TestClient two = registerClient();
        assertThat(one.clientId()).isNotEqualTo(two.clientId());
        assertThat(one.clientSecret()).isNotEqualTo(two.clientSecret());
    }

    @Test
    @DisplayName("no initial access token: 401")
    void registerWhenNoTokenThenUnauthorized() {
        HttpResponse<String> response = harness.clients().submit(valid(), null);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("an access token without client.create (a citizen's): 401 or 403")
    void registerWhenTokenLacksClientCreateScopeThenRefused() {
        String citizensToken = signIn(registerClient()).accessToken();
        HttpResponse<String> response = harness.clients().submit(valid(), citizensToken);
        assertThat(response.statusCode()).isIn(401, 403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "http://example.com/cb",          // http only for loopback
            "https://example.com/cb#frag",    // no fragments
            "javascript:alert(1)",
            "data:text/html,hi",
            "/relative/cb",
            "not a uri"})
    @DisplayName("an invalid redirect URI: 400 invalid_redirect_uri")
    void registerWhenRedirectUriInvalidThenInvalidRedirectUri(String redirectUri) {
        HttpResponse<String> response = harness.clients().submit(valid().redirectUris(redirectUri),
                harness.clients().initialAccessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.object(response.body()).get("error")).isIn("invalid_redirect_uri", "invalid_client_metadata");
    }

    @Test
    @DisplayName("https and loopback http redirect URIs are accepted")
    void registerWhenHttpsOrLoopbackThenAccepted() {
        TestClient client = registerClient(valid().redirectUris("https://app.example.go.id/cb",
                "http://127.0.0.1:8080/cb", harness.clients().callback("/cb")));
        assertThat(client.redirectUris()).hasSize(3);
    }

    @Test
    @DisplayName("missing or unknown agency_code: 400 invalid_client_metadata")
    void registerWhenAgencyMissingOrUnknownThenInvalidClientMetadata() {
        for (ClientSpec spec : List.of(valid().agency(null), valid().agency("no-such-agency"))) {
            HttpResponse<String> response = harness.clients().submit(spec, harness.clients().initialAccessToken());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Json.object(response.body()).get("error")).isEqualTo("invalid_client_metadata");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"implicit", "password"})
    @DisplayName("grant types the server does not offer: 400 invalid_client_metadata")
    void registerWhenForbiddenGrantTypeThenInvalidClientMetadata(String grantType) {
        HttpResponse<String> response = harness.clients().submit(valid().set("grant_types", List.of(grantType)),
                harness.clients().initialAccessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.object(response.body()).get("error")).isEqualTo("invalid_client_metadata");
    }

    @Test
    @DisplayName("body that is not JSON: 400, never a 500")
    void registerWhenBodyNotJsonThenBadRequest() {
        HttpResponse<String> response = BackChannel.postJson(
                harness.discovery().registrationEndpoint(), "{nope", "Authorization",
                "Bearer " + harness.clients().initialAccessToken());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    private static ClientSpec valid() {
        return ClientSpec.confidential().redirectUris(harness.clients().callback("/cb"));
    }
}
