package id.satupintu.conformance.harness;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A code flow that went all the way: the request sent, what the browser went through, the
 * authorization response, the token response and the verified ID token's claims.
 */
public record CompletedFlow(AuthorizationRequest request, Authorization authorization,
                            AuthorizationResponse response, TokenResponse tokens, JWTClaimsSet idToken) {

    public String accessToken() {
        return tokens.accessToken();
    }

    public String refreshToken() {
        return tokens.refreshToken();
    }

    public String sub() {
        return idToken.getSubject();
    }
}
