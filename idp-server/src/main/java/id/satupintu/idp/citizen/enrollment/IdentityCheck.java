package id.satupintu.idp.citizen.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.VerificationOutcome;

/**
 * Identity proofing for enrollment: checks what a person typed against the population registry, the
 * authoritative source (NIST SP 800-63A §4.4.1: resolution to one record and validation of the attributes
 * with the issuing source). Matching attributes someone knows is not by itself the verification step of
 * IAL2 (§5.3.2 limits knowledge-based verification); stronger verification (biometric match against the
 * registry photo) is outside this flow.
 *
 * <p>No enumeration: an unknown NIK and a mismatching attribute give the same result, after the same
 * time ({@link ResponseTimeFloor}); only when every attribute matched may the result say "deceased" or
 * "already has an account". Failed checks are throttled per NIK and per client address
 * ({@link EnrollmentThrottle}), and every rejection is audited with the NIK masked.
 */
@Component
public class IdentityCheck {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCheck.class);

    private final RegistryConnector registry;
    private final CitizenStore citizens;
    private final EnrollmentThrottle throttle;
    private final ResponseTimeFloor floor;
    private final AuditLog audit;
    private final Clock clock;

    public IdentityCheck(RegistryConnector registry, CitizenStore citizens, EnrollmentThrottle throttle,
                         ResponseTimeFloor floor, AuditLog audit) {
        this.registry = registry;
        this.citizens = citizens;
        this.throttle = throttle;
        this.floor = floor;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a form that could not be checked at all (a malformed NIK, a missing or impossible date...):
     * it reveals nothing, but counts against the client address so that it cannot be used to probe freely.
     *
     * @param fields the names of the fields in error, for the audit event
     * @return {@link IdentityCheckResult.Throttled} when the address is already blocked, else {@link IdentityCheckResult.InvalidInput}
     */
    public IdentityCheckResult rejectInvalidInput(Collection<String> fields, String clientAddress) {
        Instant now = clock.instant();
        var block = throttle.check(clientAddress, null, now);
        if (block.isPresent()) {
            return throttled(block.get(), null, clientAddress);
        }
        throttle.recordFailure(clientAddress, null, now);
        audit.record(AuditEvent.failure("enrollment.rejected", null, null, clientAddress,
                Map.of("reason", "invalid_input", "fields", String.join(",", fields))));
        return new IdentityCheckResult.InvalidInput();
    }

    /**
     * Checks well-formed attributes with the registry and the account store; every outcome takes at least
     * the {@link ResponseTimeFloor}.
     *
     * @param clientAddress the caller's address, for throttling and audit
     */
    public IdentityCheckResult check(EnrollmentAttributes submitted, String clientAddress) {
        Instant now = clock.instant();
        var block = throttle.check(clientAddress, submitted.nik(), now);
        if (block.isPresent()) {
            return throttled(block.get(), submitted.nik(), clientAddress);
        }
        IdentityCheckResult result = floor.atLeast(() -> verify(submitted, clientAddress));
        if (result instanceof IdentityCheckResult.NotMatched) {
            throttle.recordFailure(clientAddress, submitted.nik(), now);
        }
        return result;
    }

    private IdentityCheckResult verify(EnrollmentAttributes submitted, String clientAddress) {
        String maskedNik = submitted.nik().masked();
        VerificationOutcome outcome;
        try {
            outcome = registry.verify(submitted);
        } catch (RegistryUnavailableException e) {
            LOG.warn("Enrollment of {} not possible now: the registry is unavailable ({})", maskedNik, e.getMessage());
            audit.record(AuditEvent.failure("enrollment.rejected", null, null, clientAddress,
                    Map.of("nik", maskedNik, "reason", "registry_unavailable")));
            return new IdentityCheckResult.RegistryUnavailable();
        }
        if (outcome instanceof VerificationOutcome.Verified verified) {
            var existing = citizens.findByNik(submitted.nik());
            if (existing.isPresent()) {
                audit.record(AuditEvent.failure("enrollment.rejected", null, existing.get().id(), clientAddress,
                        Map.of("nik", maskedNik, "reason", "already_enrolled")));
                return new IdentityCheckResult.AlreadyEnrolled();
            }
            audit.record(AuditEvent.success("enrollment.verified", null, null, clientAddress, Map.of("nik", maskedNik)));
            return new IdentityCheckResult.Verified(verified.record());
        }
        if (outcome instanceof VerificationOutcome.Deceased) {
            audit.record(AuditEvent.failure("enrollment.rejected", null, null, clientAddress,
                    Map.of("nik", maskedNik, "reason", "deceased")));
            return new IdentityCheckResult.Deceased();
        }
        audit.record(AuditEvent.failure("enrollment.rejected", null, null, clientAddress,
                Map.of("nik", maskedNik, "reason", "not_matched")));
        return new IdentityCheckResult.NotMatched();
    }

    private IdentityCheckResult throttled(EnrollmentThrottle.Block block, Nik nik, String clientAddress) {
        audit.record(AuditEvent.failure("enrollment.throttled", null, null, clientAddress, Map.of(
                "nik", nik == null ? "" : nik.masked(), "limit", block.scope().name().toLowerCase(),
                "retry_at", block.retryAt().toString())));
        return new IdentityCheckResult.Throttled(block.retryAt());
    }
}
