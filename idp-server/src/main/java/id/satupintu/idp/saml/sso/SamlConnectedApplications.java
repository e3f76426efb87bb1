package id.satupintu.idp.saml.sso;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.stereotype.Component;

import id.satupintu.idp.agency.Agency;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.consent.ConnectedApplication;
import id.satupintu.idp.consent.ConsentWithdrawal;
import id.satupintu.idp.consent.GivenConsent;
import id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * The SAML service providers among a citizen's connected applications: their consents are stored
 * beside OIDC clients' under {@code saml:<id>} ({@link ServiceProvider#consentKey()}), listed with the
 * SP's display name and agency, and withdrawn the same way (audited as {@value ConsentWithdrawal#WITHDRAWN}).
 * A SAML SP holds no tokens, so withdrawing removes the consent only; the next SSO asks again.
 */
@Component
public class SamlConnectedApplications {

    private static final String PREFIX = "saml:";

    private final JpaOAuth2AuthorizationConsentService consents;
    private final ServiceProviderStore serviceProviders;
    private final AgencyStore agencies;
    private final AuditLog audit;

    public SamlConnectedApplications(JpaOAuth2AuthorizationConsentService consents,
                                     ServiceProviderStore serviceProviders, AgencyStore agencies, AuditLog audit) {
        this.consents = consents;
        this.serviceProviders = serviceProviders;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** @return whether the id the page posts names a SAML SP rather than an OIDC client */
    public static boolean isSamlConsentKey(String clientId) {
        return clientId != null && clientId.startsWith(PREFIX);
    }

    /** @return the SAML SPs the citizen consented to, most recent consent first; removed SPs left out */
    public List<ConnectedApplication> applicationsOf(UUID citizenId) {
        List<ConnectedApplication> applications = new ArrayList<>();
        for (GivenConsent consent : consents.findGivenByPrincipal(CitizenAuthenticationToken.principalNameOf(citizenId))) {
            serviceProvider(consent.registeredClientId()).ifPresent(sp -> applications.add(new ConnectedApplication(
                    sp.consentKey(), sp.displayName(),
                    agencies.findByCode(sp.agencyCode()).map(Agency::name).orElse(sp.agencyCode()),
                    consent.scopes().stream().sorted(Comparator.naturalOrder()).toList(), consent.grantedAt())));
        }
        return applications;
    }

    /**
     * @param session the citizen's SSO session, where a confirmed consent is remembered; null when none
     * @return whether there was a consent to withdraw
     */
    public boolean withdraw(UUID citizenId, String consentKey, String sourceIp, HttpSession session) {
        SamlConsents.forget(session, consentKey);
        String principal = CitizenAuthenticationToken.principalNameOf(citizenId);
        Optional<ServiceProvider> sp = serviceProvider(consentKey);
        OAuth2AuthorizationConsent consent = sp.map(s -> consents.findById(s.consentKey(), principal)).orElse(null);
        String entityId = sp.map(ServiceProvider::entityId).orElse(consentKey);
        if (consent == null) {
            audit.record(AuditEvent.failure(ConsentWithdrawal.WITHDRAWN, entityId, citizenId, sourceIp,
                    Map.of("reason", "no_consent", "protocol", "saml")));
            return false;
        }
        consents.remove(consent);
        audit.record(AuditEvent.success(ConsentWithdrawal.WITHDRAWN, entityId, citizenId, sourceIp, Map.of(
                "agency", sp.get().agencyCode(), "scopes", String.join(" ", consent.getScopes()), "protocol", "saml")));
        return true;
    }

    private Optional<ServiceProvider> serviceProvider(String consentKey) {
        if (!isSamlConsentKey(consentKey)) {
            return Optional.empty();
        }
        try {
            return serviceProviders.findById(UUID.fromString(consentKey.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
