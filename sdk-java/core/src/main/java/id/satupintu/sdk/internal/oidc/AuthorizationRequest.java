package id.satupintu.sdk.internal.oidc;

import id.satupintu.sdk.PendingLogin;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the authentication request (OpenID Connect Core 1.0 §3.1.2.1): code flow, PKCE S256
 * (RFC 7636 §4.3), and a fresh 256-bit {@code state} and {@code nonce} kept in the {@link PendingLogin}.
 */
public final class AuthorizationRequest {

    private AuthorizationRequest() {
    }

    /** The pending sign-in and the URL to send the browser to. */
    public record Started(URI url, PendingLogin pending) {
    }

    public static Started start(URI endpoint, String clientId, List<String> scopes, String redirectUri,
            String returnTo, String requiredAcr, Instant now) {
        PendingLogin pending = new PendingLogin(Randoms.token(), Randoms.token(), Randoms.token(), redirectUri,
                ReturnPath.sanitize(returnTo), now);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", String.join(" ", scopes));
        parameters.put("state", pending.state());
        parameters.put("nonce", pending.nonce());
        parameters.put("code_challenge", Randoms.s256(pending.codeVerifier()));
        parameters.put("code_challenge_method", "S256");
        if (requiredAcr != null) {
            parameters.put("acr_values", requiredAcr);
        }
        return new Started(withQuery(endpoint, parameters), pending);
    }

    /** Appends parameters to a URL that may already carry a query (Core 1.0 §3.1.2.1 allows it). */
    public static URI withQuery(URI endpoint, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> ProviderHttp.encode(entry.getKey()) + "=" + ProviderHttp.encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }
}
