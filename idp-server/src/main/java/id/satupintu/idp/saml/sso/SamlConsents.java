package id.satupintu.idp.saml.sso;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * A citizen's consent to what a SAML SP receives, kept by the same
 * {@link OAuth2AuthorizationConsentService} as OIDC consents, under {@link ServiceProvider#consentKey()}
 * ({@code saml:<id>}) in place of the registered client id: the connected-applications page lists
 * and withdraws both alike. The consented "scopes" are the SP's attribute groups, named as OIDC scopes.
 */
final class SamlConsents {

    private final OAuth2AuthorizationConsentService consents;

    SamlConsents(OAuth2AuthorizationConsentService consents) {
        this.consents = consents;
    }

    /** @return whether the citizen consented to all of these scopes for this SP (none needs no consent) */
    boolean covers(ServiceProvider sp, UUID citizenId, Set<String> scopes) {
        if (scopes.isEmpty()) {
            return true;
        }
        OAuth2AuthorizationConsent given = consents.findById(sp.consentKey(),
                CitizenAuthenticationToken.principalNameOf(citizenId));
        return given != null && given.getScopes().containsAll(scopes);
    }

    /** Records the consent, keeping what was consented before. */
    void grant(ServiceProvider sp, UUID citizenId, Set<String> scopes) {
        String principal = CitizenAuthenticationToken.principalNameOf(citizenId);
        OAuth2AuthorizationConsent existing = consents.findById(sp.consentKey(), principal);
        OAuth2AuthorizationConsent.Builder consent = existing == null
                ? OAuth2AuthorizationConsent.withId(sp.consentKey(), principal)
                : OAuth2AuthorizationConsent.from(existing);
        scopes.forEach(consent::scope);
        consents.save(consent.build());
    }
}
