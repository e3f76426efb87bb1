package id.satupintu.idp.citizen.enrollment;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.servlet.http.HttpSession;

import id.satupintu.idp.registry.RegistryRecord;

/**
 * An identity the registry has just vouched for, waiting in the session (the Redis-backed SSO session in
 * production, with its TTL) for the citizen to choose a password. Small and serialisable: the record and
 * when it was verified. Nothing is stored anywhere else until the account is created.
 */
public record PendingEnrollment(RegistryRecord record, Instant verifiedAt) implements Serializable {

    static final String SESSION_ATTRIBUTE = PendingEnrollment.class.getName();

    public PendingEnrollment {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    boolean isExpired(Instant now, Duration ttl) {
        return !now.isBefore(verifiedAt.plus(ttl));
    }

    void storeIn(HttpSession session) {
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    static PendingEnrollment in(HttpSession session) {
        return session == null ? null
                : session.getAttribute(SESSION_ATTRIBUTE) instanceof PendingEnrollment pending ? pending : null;
    }

    static void removeFrom(HttpSession session) {
        session.removeAttribute(SESSION_ATTRIBUTE);
    }

    @Override
    public String toString() {
        return "PendingEnrollment[" + record + ", verifiedAt=" + verifiedAt + "]";
    }
}
