package id.satupintu.conformance.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Registers relying parties at the discovery's {@code registration_endpoint} (RFC 7591),
 * authorized by an initial access token the bootstrap admin client obtains with
 * {@code client_credentials}.
 */
public final class TestClients {

    private final Discovery discovery;
    private final String adminClientId;
    private final String adminClientSecret;
    private final String callbackOrigin;

    public TestClients(Discovery discovery, String adminClientId, String adminClientSecret, URI serverOrigin) {
        this.discovery = discovery;
        this.adminClientId = adminClientId;
        this.adminClientSecret = adminClientSecret;
        // Another port than the server's: the callback is another origin, so the browser never follows it.
        this.callbackOrigin = "http://localhost:" + (serverOrigin.getPort() + 1);
    }

    /** @return a redirect URI on a loopback origin that no server listens on for these tests */
    public String callback(String path) {
        return callbackOrigin + path;
    }

    public TestClient register(ClientSpec spec) {
        if (spec.redirectUris().isEmpty()) {
            spec.redirectUris(callback("/cb"));
        }
        HttpResponse<String> response = submit(spec, initialAccessToken());
        if (response.statusCode() != 201) {
            throw new AssertionError("registration answered " + response.statusCode() + ": " + Json.abbreviate(response.body()));
        }
        Map<String, Object> registered = Json.object(response.body());
        return new TestClient(
                (String) registered.get("client_id"),
                (String) registered.get("client_secret"),
                (String) registered.getOrDefault("token_endpoint_auth_method", spec.metadata().get("token_endpoint_auth_method")),
                (String) spec.metadata().get("agency_code"),
                uris(registered, "redirect_uris", spec.redirectUris()),
                uris(registered, "post_logout_redirect_uris", List.of()),
                (String) registered.getOrDefault("id_token_signed_response_alg",
                        spec.metadata().getOrDefault("id_token_signed_response_alg", "RS256")),
                registered);
    }

    /** Sends a registration request as is, for tests of what the endpoint refuses. */
    public HttpResponse<String> submit(ClientSpec spec, String bearerToken) {
        String[] headers = bearerToken == null ? new String[0] : new String[] {"Authorization", "Bearer " + bearerToken};
        return BackChannel.postJson(discovery.registrationEndpoint(), Json.write(spec.metadata()), headers);
    }

    /** @return a fresh initial access token (scope {@code client.create}) */
    public String initialAccessToken() {
        String basic = Base64.getEncoder().encodeToString(
                (FormData.urlEncode(adminClientId) + ":" + FormData.urlEncode(adminClientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = BackChannel.postForm(discovery.tokenEndpoint(),
                FormData.of("grant_type", "client_credentials", "scope", "client.create"),
                "Authorization", "Basic " + basic);
        if (response.statusCode() != 200) {
            throw new AssertionError("admin client_credentials answered " + response.statusCode() + ": "
                    + Json.abbreviate(response.body()));
        }
        return (String) Json.object(response.body()).get("access_token");
    }

    private static List<URI> uris(Map<String, Object> registered, String member, List<String> fallback) {
        List<String> values = registered.containsKey(member) ? Json.stringList(registered, member) : fallback;
        return values.stream().map(URI::create).toList();
    }
}
