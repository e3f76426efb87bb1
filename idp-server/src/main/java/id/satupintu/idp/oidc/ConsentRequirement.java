package id.satupintu.idp.oidc;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

/**
 * When the citizen is asked for consent: always with {@code prompt=consent} (OIDC Core §3.1.2.1),
 * otherwise when the client requires consent and the request asks for a scope beyond {@code openid}
 * that the citizen has not already granted it.
 */
final class ConsentRequirement implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    @Override
    public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        Set<String> requested = context.getAuthorizationRequest().getScopes();
        Object prompt = context.getAuthorizationRequest().getAdditionalParameters().get("prompt");
        if (requested.contains(OidcScopes.OPENID) && prompt instanceof String values
                && Arrays.asList(values.trim().split(" +")).contains("consent")) {
            return true;
        }
        if (!context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()) {
            return false;
        }
        if (requested.equals(Set.of(OidcScopes.OPENID))) {
            return false;
        }
        OAuth2AuthorizationConsent granted = context.getAuthorizationConsent();
        return granted == null || !granted.getScopes().containsAll(requested);
    }
}
