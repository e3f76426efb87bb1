package id.satupintu.idp.oidc.grant;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Replaces every secret value of an authorization by its hash placeholder, and drops the citizen
 * principal's request details (see {@link RequestDetailsRemover}). Idempotent: a value that is already a
 * placeholder (an authorization re-loaded from the store and saved again) keeps its hash.
 */
public final class AuthorizationHasher {

    private final RequestDetailsRemover requestDetailsRemover = new RequestDetailsRemover();

    public HashedAuthorization hash(OAuth2Authorization original) {
        OAuth2Authorization authorization = requestDetailsRemover.withoutRequestDetails(original);
        if (authorization.getToken(OAuth2DeviceCode.class) != null
                || authorization.getToken(OAuth2UserCode.class) != null) {
            throw new IllegalArgumentException("the device authorization grant is not offered");
        }
        OAuth2Authorization.Builder hashed = OAuth2Authorization.from(authorization);
        Map<GrantTokenKind, TokenHash> hashes = new EnumMap<>(GrantTokenKind.class);
        for (GrantTokenKind kind : GrantTokenKind.values()) {
            if (kind == GrantTokenKind.STATE) {
                String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
                if (state != null) {
                    TokenHash hash = TokenHash.ofStoredOrReal(state);
                    hashes.put(kind, hash);
                    hashed.attribute(OAuth2ParameterNames.STATE, hash.placeholder());
                }
                continue;
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token != null) {
                TokenHash hash = TokenHash.ofStoredOrReal(token.getToken().getTokenValue());
                hashes.put(kind, hash);
                // the builder keeps the token's metadata (invalidated flag, claims) for the same class
                hashed.token(TokenValues.withValue(token.getToken(), hash.placeholder()));
            }
        }
        return new HashedAuthorization(hashed.build(), hashes);
    }
}
