package id.satupintu.idp.oidc.grant;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Puts the value a caller presented back into the token it matched, so Spring's providers work
 * unchanged: introspection and revocation find the token with {@code getToken(presentedValue)},
 * the refresh provider returns the current refresh token when rotation is off. Every other token keeps
 * its placeholder, which can never equal a presented value.
 */
public final class PresentedTokenRestorer {

    public OAuth2Authorization restore(OAuth2Authorization stored, GrantTokenKind matched, String presentedValue) {
        OAuth2Authorization.Builder restored = OAuth2Authorization.from(stored);
        if (matched == GrantTokenKind.STATE) {
            restored.attribute(OAuth2ParameterNames.STATE, presentedValue);
        } else {
            OAuth2Authorization.Token<?> token = stored.getToken(matched.tokenClass());
            restored.token(TokenValues.withValue(token.getToken(), presentedValue));
        }
        return restored.build();
    }
}
