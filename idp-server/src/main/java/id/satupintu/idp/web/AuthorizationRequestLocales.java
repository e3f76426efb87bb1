package id.satupintu.idp.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Finds the {@code ui_locales} (OIDC Core §3.1.2.1) of the authorization request waiting for the
 * citizen's consent, by the consent {@code state} the authorization server put in the consent page
 * URL. The consent page is reached after sign-in, when no saved request carries the parameter any more.
 */
@Component
class AuthorizationRequestLocales {

    private static final OAuth2TokenType CONSENT_STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final ObjectProvider<OAuth2AuthorizationService> authorizations;

    AuthorizationRequestLocales(ObjectProvider<OAuth2AuthorizationService> authorizations) {
        this.authorizations = authorizations;
    }

    /** @return the raw {@code ui_locales} value of the waiting request, if it had one */
    Optional<String> uiLocalesOf(String consentState) {
        OAuth2AuthorizationService service = authorizations.getIfAvailable();
        if (service == null || consentState == null || consentState.isBlank()) {
            return Optional.empty();
        }
        OAuth2Authorization authorization = service.findByToken(consentState, CONSENT_STATE);
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object uiLocales = request == null ? null : request.getAdditionalParameters().get(CitizenLocaleResolver.UI_LOCALES);
        return uiLocales instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
