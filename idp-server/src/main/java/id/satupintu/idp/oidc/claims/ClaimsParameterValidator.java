package id.satupintu.idp.oidc.claims;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;

/**
 * Checks the {@code claims} parameter at the authorization endpoint (OIDC Core §5.5), after Spring's
 * own checks of the redirect URI and scopes, so that a malformed one is answered with
 * {@code invalid_request} at the client's validated redirect URI (§3.1.2.6), with {@code iss}, for
 * signed-in and not yet signed-in citizens alike.
 */
public final class ClaimsParameterValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    /** Spring's default validation (redirect URI, then scopes), then this one. */
    public static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> afterSpringDefaults() {
        return new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(new ClaimsParameterValidator());
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        Object claims = request.getAdditionalParameters().get(ClaimsRequest.PARAMETER);
        if (claims == null) {
            return;
        }
        try {
            ClaimsRequest.parse(String.valueOf(claims));
        } catch (MalformedClaimsRequestException malformed) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "claims: " + malformed.getMessage(),
                    "https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter"), request);
        }
    }
}
