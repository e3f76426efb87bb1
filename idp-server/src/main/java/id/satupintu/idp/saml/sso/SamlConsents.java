package id.satupintu.idp.saml.sso;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * A citizen's consent to what a SAML SP receives, kept by the same
 * {@link OAuth2AuthorizationConsentService} as OIDC consents, under {@link ServiceProvider#consentKey()}
 * ({@code saml:<id>}) in place of the registered client id: the connected-applications page lists
 * and withdraws both alike. The consented "scopes" are the SP's attribute groups, named as OIDC scopes.
 *
 * <p>A consent found (or given) is remembered in the SSO session, so further assertions for the same
 * SP and scopes in that session need no database read besides the claims. Withdrawing on the
 * connected-applications page forgets it in that session ({@link #forget}); a withdrawal from another
 * device takes effect from the citizen's next SSO session (at most the 30-minute idle timeout later).
 */
final class SamlConsents {

    static final String CONFIRMED = SamlConsents.class.getName() + ".confirmed";

    private final OAuth2AuthorizationConsentService consents;

    SamlConsents(OAuth2AuthorizationConsentService consents) {
        this.consents = consents;
    }

    /** @return whether the citizen consented to all of these scopes for this SP (none needs no consent) */
    boolean covers(ServiceProvider sp, UUID citizenId, Set<String> scopes, HttpSession session) {
        if (scopes.isEmpty()) {
            return true;
        }
        String remembered = remembered(sp, citizenId, scopes);
        if (confirmed(session).contains(remembered)) {
            return true;
        }
        OAuth2AuthorizationConsent given = consents.findById(sp.consentKey(),
                CitizenAuthenticationToken.principalNameOf(citizenId));
        boolean covered = given != null && given.getScopes().containsAll(scopes);
        if (covered) {
            remember(session, remembered);
        }
        return covered;
    }

    /** Forgets, in this session, what was remembered of a consent that was just withdrawn. */
    static void forget(HttpSession session, String consentKey) {
        if (session == null) {
            return;
        }
        HashSet<String> confirmed = confirmed(session);
        if (confirmed.removeIf(entry -> entry.startsWith(consentKey + "|"))) {
            session.setAttribute(CONFIRMED, confirmed);
        }
    }

    /** Records the consent, keeping what was consented before. */
    void grant(ServiceProvider sp, UUID citizenId, Set<String> scopes, HttpSession session) {
        grant(sp, citizenId, scopes);
        remember(session, remembered(sp, citizenId, scopes));
    }

    private static String remembered(ServiceProvider sp, UUID citizenId, Set<String> scopes) {
        return sp.consentKey() + "|" + citizenId + "|" + String.join(" ", new TreeSet<>(scopes));
    }

    private static void remember(HttpSession session, String entry) {
        HashSet<String> confirmed = confirmed(session);
        if (confirmed.add(entry)) {
            session.setAttribute(CONFIRMED, confirmed);
        }
    }

    @SuppressWarnings("unchecked")
    private static HashSet<String> confirmed(HttpSession session) {
        Object value = session.getAttribute(CONFIRMED);
        return value instanceof HashSet<?> set ? new HashSet<>((HashSet<String>) set) : new HashSet<>();
    }

    private void grant(ServiceProvider sp, UUID citizenId, Set<String> scopes) {
        String principal = CitizenAuthenticationToken.principalNameOf(citizenId);
        OAuth2AuthorizationConsent existing = consents.findById(sp.consentKey(), principal);
        OAuth2AuthorizationConsent.Builder consent = existing == null
                ? OAuth2AuthorizationConsent.withId(sp.consentKey(), principal)
                : OAuth2AuthorizationConsent.from(existing);
        scopes.forEach(consent::scope);
        consents.save(consent.build());
    }
}
