package id.satupintu.idp.oidc.grant;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/**
 * Copies a token with another value and everything else (times, scopes, claims) unchanged: used to put
 * a hash placeholder in place of a value before storing, and the presented value back after a lookup.
 */
final class TokenValues {

    private TokenValues() {
    }

    /**
     * @throws IllegalArgumentException for a token class this server does not issue; the exact class
     *         matters because {@code OAuth2Authorization} keys its tokens by {@code getClass()}
     */
    static OAuth2Token withValue(OAuth2Token token, String value) {
        Class<?> type = token.getClass();
        if (type == OAuth2AccessToken.class) {
            OAuth2AccessToken accessToken = (OAuth2AccessToken) token;
            return new OAuth2AccessToken(accessToken.getTokenType(), value, accessToken.getIssuedAt(),
                    accessToken.getExpiresAt(), accessToken.getScopes());
        }
        if (type == OAuth2RefreshToken.class) {
            return new OAuth2RefreshToken(value, token.getIssuedAt(), token.getExpiresAt());
        }
        if (type == OidcIdToken.class) {
            return new OidcIdToken(value, token.getIssuedAt(), token.getExpiresAt(), ((OidcIdToken) token).getClaims());
        }
        if (type == OAuth2AuthorizationCode.class) {
            return new OAuth2AuthorizationCode(value, token.getIssuedAt(), token.getExpiresAt());
        }
        throw new IllegalArgumentException("token class not supported by the grant store: " + type.getName());
    }
}
