package id.satupintu.conformance.harness;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OpenID Connect authentication request (OIDC Core §3.1.2.1) as query parameters. Starts as
 * a correct code-flow request with PKCE S256, {@code state} and {@code nonce}; tests then add,
 * change or remove single parameters.
 */
public final class AuthorizationRequest {

    private final URI endpoint;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Pkce pkce;

    private AuthorizationRequest(URI endpoint) {
        this.endpoint = endpoint;
    }

    public static AuthorizationRequest codeFlow(URI authorizationEndpoint, TestClient client) {
        AuthorizationRequest request = new AuthorizationRequest(authorizationEndpoint);
        request.pkce = Pkce.generate();
        request.set("response_type", "code")
                .set("client_id", client.clientId())
                .set("redirect_uri", client.redirectUri().toString())
                .set("scope", "openid")
                .set("state", Pkce.randomUrlSafe(12))
                .set("nonce", Pkce.randomUrlSafe(12))
                .set("code_challenge", request.pkce.challenge())
                .set("code_challenge_method", "S256");
        return request;
    }

    /** Sets a parameter, or removes it when {@code value} is null. */
    public AuthorizationRequest set(String name, String value) {
        if (value == null) {
            parameters.remove(name);
        } else {
            parameters.put(name, value);
        }
        return this;
    }

    /** Uses {@code verifier} (RFC 7636 §4.1: 43 to 128 unreserved characters) and its S256 challenge. */
    public AuthorizationRequest withCodeVerifier(String verifier) {
        pkce = new Pkce(verifier, Pkce.s256(verifier));
        return set("code_challenge", pkce.challenge()).set("code_challenge_method", "S256");
    }

    public AuthorizationRequest scope(String scope) {
        return set("scope", scope);
    }

    public AuthorizationRequest without(String name) {
        return set(name, null);
    }

    public String get(String name) {
        return parameters.get(name);
    }

    public String state() {
        return parameters.get("state");
    }

    public String nonce() {
        return parameters.get("nonce");
    }

    public String codeVerifier() {
        return pkce.verifier();
    }

    public String redirectUri() {
        return parameters.get("redirect_uri");
    }

    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** @return the parameters as a form body, for requests sent by POST */
    public FormData toForm() {
        FormData form = new FormData();
        parameters.forEach(form::add);
        return form;
    }

    public URI toUri() {
        return toUri("");
    }

    /** @param extraQuery raw, already encoded query text appended as is (for malformed-request tests) */
    public URI toUri(String extraQuery) {
        String query = parameters.entrySet().stream()
                .map(e -> FormData.urlEncode(e.getKey()) + "=" + FormData.urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!extraQuery.isEmpty()) {
            query = query.isEmpty() ? extraQuery : query + "&" + extraQuery;
        }
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }
}
