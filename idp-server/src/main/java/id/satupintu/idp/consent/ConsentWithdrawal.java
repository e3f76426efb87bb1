package id.satupintu.idp.consent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.idp.agency.Agency;
import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.consent.store.jpa.JpaOAuth2AuthorizationConsentService;
import id.satupintu.idp.oidc.grant.HashingOAuth2AuthorizationService;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;

/**
 * A citizen's consents, listed and withdrawn. Withdrawing removes the stored consent, so the next
 * authorization request asks again (OIDC Core §3.1.2.4), and revokes that client's grants for the
 * citizen: refresh tokens are refused and access tokens introspect as inactive from then on. Audited
 * as {@value #WITHDRAWN}.
 */
@Service
public class ConsentWithdrawal {

    public static final String WITHDRAWN = "consent.withdrawn";

    private final JpaOAuth2AuthorizationConsentService consents;
    private final HashingOAuth2AuthorizationService grants;
    private final RegisteredClientRepository clients;
    private final AgencyStore agencies;
    private final AuditLog audit;

    public ConsentWithdrawal(JpaOAuth2AuthorizationConsentService consents, HashingOAuth2AuthorizationService grants,
                             RegisteredClientRepository clients, AgencyStore agencies, AuditLog audit) {
        this.consents = consents;
        this.grants = grants;
        this.clients = clients;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** @return the applications the citizen consented to, most recent consent first */
    public List<ConnectedApplication> applicationsOf(UUID citizenId) {
        List<ConnectedApplication> applications = new ArrayList<>();
        for (GivenConsent consent : consents.findGivenByPrincipal(citizenId.toString())) {
            RegisteredClient client = clients.findById(consent.registeredClientId());
            if (client == null) {
                continue; // the client was deleted; nothing left to withdraw from
            }
            String agencyCode = AgencyOfClient.of(client);
            String agencyName = agencyCode == null ? "" : agencies.findByCode(agencyCode).map(Agency::name).orElse(agencyCode);
            List<String> scopes = consent.scopes().stream()
                    .sorted(Comparator.comparing((String scope) -> !OidcScopes.OPENID.equals(scope))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
            applications.add(new ConnectedApplication(client.getClientId(), client.getClientName(), agencyName, scopes,
                    consent.grantedAt()));
        }
        return applications;
    }

    /**
     * @return whether there was a consent to withdraw; withdrawing one that is gone already changes nothing
     */
    public boolean withdraw(UUID citizenId, String clientId, String sourceIp) {
        RegisteredClient client = clients.findByClientId(clientId);
        String principal = citizenId.toString();
        OAuth2AuthorizationConsent consent = Optional.ofNullable(client)
                .map(c -> consents.findById(c.getId(), principal)).orElse(null);
        if (consent == null) {
            audit.record(AuditEvent.failure(WITHDRAWN, clientId, citizenId, sourceIp, Map.of("reason", "no_consent")));
            return false;
        }
        // grants first: should removing the consent then fail, nothing stays usable and the citizen can retry
        int revoked = grants.revokeForCitizenAndClient(principal, client.getId());
        consents.remove(consent);
        audit.record(AuditEvent.success(WITHDRAWN, clientId, citizenId, sourceIp, Map.of(
                "agency", String.valueOf(AgencyOfClient.of(client)),
                "scopes", String.join(" ", consent.getScopes()),
                "grants_revoked", Integer.toString(revoked))));
        return true;
    }
}
