package id.satupintu.idp.citizen.registrysync;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.SsoSessions;

/**
 * Ends everything a deceased citizen's account still holds: first every SSO session (no new
 * authorization can start), then every grant (refresh grants, access tokens, codes issued meanwhile),
 * so introspection answers {@code active: false} (RFC 7662 §2.2), refresh gets {@code invalid_grant}
 * and userinfo 401. Both steps are idempotent, so a delivery that failed halfway is completed by the
 * next one. The account must already be stored as deceased, which refuses any sign-in or token
 * request racing with this.
 */
class AccessTermination {

    /** Audit event of a death applied to an account. */
    static final String DEATH_APPLIED_EVENT = "registry.death_applied";

    private static final Logger LOG = LoggerFactory.getLogger(AccessTermination.class);

    private final SsoSessions sessions;
    private final GrantRevocation grants;
    private final AuditLog audit;

    AccessTermination(SsoSessions sessions, GrantRevocation grants, AuditLog audit) {
        this.sessions = sessions;
        this.grants = grants;
        this.audit = audit;
    }

    /** The first application of the death: always audited. */
    void terminate(Citizen deceased, RegistryEvent event) {
        Ended ended = endAll(deceased);
        record(deceased, event, ended, false);
    }

    /**
     * A redelivery of the death the account already holds: a previous delivery may have failed after
     * storing the death. Audited only when it found something left to end.
     */
    void complete(Citizen deceased, RegistryEvent event) {
        Ended ended = endAll(deceased);
        if (ended.sessions() > 0 || ended.grants() > 0) {
            record(deceased, event, ended, true);
        }
    }

    private Ended endAll(Citizen deceased) {
        String principal = CitizenAuthenticationToken.principalNameOf(deceased.id());
        int endedSessions = sessions.endAllFor(principal);
        int revokedGrants = grants.revokeAllFor(principal);
        return new Ended(endedSessions, revokedGrants);
    }

    private void record(Citizen deceased, RegistryEvent event, Ended ended, boolean completion) {
        LOG.info("Registry death applied to account {} ({}): {} sessions ended, {} grants revoked{}", deceased.id(),
                deceased.nik().masked(), ended.sessions(), ended.grants(), completion ? " (completing an earlier delivery)" : "");
        audit.record(AuditEvent.success(DEATH_APPLIED_EVENT, null, deceased.id(), null, Map.of(
                "nik", deceased.nik().masked(),
                "sessions_ended", Integer.toString(ended.sessions()),
                "grants_revoked", Integer.toString(ended.grants()),
                "registry_version", Long.toString(event.record().version()),
                "event", event.eventId(),
                "delivery", completion ? "repeated" : "first")));
    }

    private record Ended(int sessions, int grants) {
    }
}
