package id.satupintu.idp.oidc.grant;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Marks every token of an authorization invalidated: code, access, refresh and ID token. Spring's own
 * {@code Builder.invalidate(refreshToken)} leaves the ID token active, which would still pass as an
 * {@code id_token_hint}; a revoked grant must leave nothing usable.
 */
public final class GrantInvalidator {

    public OAuth2Authorization invalidateAll(OAuth2Authorization authorization) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization);
        for (GrantTokenKind kind : GrantTokenKind.values()) {
            if (kind.tokenClass() == null) {
                continue;
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token != null) {
                builder.token(token.getToken(),
                        metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true));
            }
        }
        return builder.build();
    }

    /** @return whether every token of the authorization is already invalidated, as {@link #invalidateAll} leaves it */
    public boolean isAllInvalidated(OAuth2Authorization authorization) {
        for (GrantTokenKind kind : GrantTokenKind.values()) {
            if (kind.tokenClass() == null) {
                continue;
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            if (token != null && !token.isInvalidated()) {
                return false;
            }
        }
        return true;
    }
}
