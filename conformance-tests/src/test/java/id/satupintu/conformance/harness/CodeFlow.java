package id.satupintu.conformance.harness;

import java.util.Objects;

/**
 * The happy path every module starts from, with the checks OIDC Core and RFC 9207 put on each
 * step: the browser is redirected to exactly the requested redirect URI with the same
 * {@code state} and the issuer as {@code iss}; the code is exchanged with its PKCE verifier; the
 * ID token verifies and carries the request's {@code nonce}.
 */
public final class CodeFlow {

    private final Discovery discovery;
    private final Authorizer authorizer;
    private final TokenEndpoint tokens;
    private final IdTokens idTokens;

    public CodeFlow(Discovery discovery, Authorizer authorizer, TokenEndpoint tokens, IdTokens idTokens) {
        this.discovery = discovery;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.idTokens = idTokens;
    }

    public CompletedFlow run(Browser browser, TestClient client, AuthorizationRequest request, Citizen citizen) {
        Authorization authorization = authorizer.authorize(browser, request, citizen);
        AuthorizationResponse response = checkedResponse(authorization, request);
        TokenResponse tokenResponse = tokens.exchangeCode(client, response.code(), request.redirectUri(),
                request.codeVerifier()).assertSuccess();
        check("Bearer".equalsIgnoreCase((String) tokenResponse.json().get("token_type")),
                "token_type is not Bearer: " + tokenResponse.json().get("token_type"));
        var claims = idTokens.verify(tokenResponse.idToken(), client);
        check(Objects.equals(request.nonce(), claims.getClaim("nonce")),
                "ID token nonce does not equal the request's nonce");
        return new CompletedFlow(request, authorization, response, tokenResponse, claims);
    }

    /** @return the successful authorization response after checking redirect target, state and iss */
    public AuthorizationResponse checkedResponse(Authorization authorization, AuthorizationRequest request) {
        AuthorizationResponse response = authorization.redirect();
        check(response.error() == null, "authorization failed: " + response);
        check(response.target().equals(request.redirectUri()), "redirected to " + response.target()
                + " instead of the requested redirect_uri");
        check(Objects.equals(request.state(), response.state()), "state not returned unchanged");
        check(discovery.issuer().equals(response.iss()), "iss in the authorization response is " + response.iss()
                + ", expected the issuer (RFC 9207)");
        check(response.code() != null && !response.code().isBlank(), "no code");
        return response;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
