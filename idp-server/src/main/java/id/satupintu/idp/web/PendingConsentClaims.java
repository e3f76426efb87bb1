package id.satupintu.idp.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

import id.satupintu.idp.oidc.claims.ClaimsRequest;

/**
 * The {@code claims} parameter (OIDC Core §5.5) of the authorization request waiting for consent,
 * found by the consent {@code state}, so the consent page can say when data will be sent as
 * registry-verified ({@code verified_claims}, OIDC4IDA). Individually requested claims need no line
 * of their own: each is released only under the scope covering it, which the page already lists.
 */
@Component
class PendingConsentClaims {

    private static final OAuth2TokenType CONSENT_STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

    private final ObjectProvider<OAuth2AuthorizationService> authorizations;

    PendingConsentClaims(ObjectProvider<OAuth2AuthorizationService> authorizations) {
        this.authorizations = authorizations;
    }

    boolean asksForVerifiedClaims(String consentState) {
        OAuth2AuthorizationService service = authorizations.getIfAvailable();
        if (service == null || consentState == null || consentState.isBlank()) {
            return false;
        }
        ClaimsRequest request = ClaimsRequest.of(service.findByToken(consentState, CONSENT_STATE));
        return !request.userinfo().verifiedClaims().isEmpty() || !request.idToken().verifiedClaims().isEmpty();
    }
}
