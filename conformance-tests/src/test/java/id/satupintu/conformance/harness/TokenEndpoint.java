package id.satupintu.conformance.harness;

import java.net.URI;
import java.util.Map;

/** Token endpoint grants, plus introspection (RFC 7662) and revocation (RFC 7009), as a relying party calls them. */
public final class TokenEndpoint {

    private final Discovery discovery;

    public TokenEndpoint(Discovery discovery) {
        this.discovery = discovery;
    }

    public TokenResponse exchangeCode(TestClient client, String code, String redirectUri, String codeVerifier) {
        FormData form = FormData.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.add("code_verifier", codeVerifier);
        }
        return request(client, form);
    }

    public TokenResponse refresh(TestClient client, String refreshToken) {
        return request(client, FormData.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** Sends any grant with the client's authentication added. */
    public TokenResponse request(TestClient client, FormData form) {
        return TokenResponse.of(BackChannel.postForm(discovery.tokenEndpoint(),
                ClientAuthentication.body(client, form), ClientAuthentication.headers(client)));
    }

    /** @return the introspection response's members; asserts HTTP 200 */
    public Map<String, Object> introspect(TestClient client, String token) {
        var response = BackChannel.postForm(discovery.introspectionEndpoint(),
                ClientAuthentication.body(client, FormData.of("token", token)), ClientAuthentication.headers(client));
        if (response.statusCode() != 200) {
            throw new AssertionError("introspection answered " + response.statusCode() + ": " + Json.abbreviate(response.body()));
        }
        return Json.object(response.body());
    }

    public boolean isActive(TestClient client, String token) {
        return Boolean.TRUE.equals(introspect(client, token).get("active"));
    }

    /** @return the revocation endpoint's HTTP status (200 on success, RFC 7009 §2.2) */
    public int revoke(TestClient client, String token) {
        URI endpoint = discovery.revocationEndpoint();
        return BackChannel.postForm(endpoint, ClientAuthentication.body(client, FormData.of("token", token)),
                ClientAuthentication.headers(client)).statusCode();
    }
}
