package id.satupintu.idp.citizen.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.DuplicateNikException;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * Creates the account of a verified identity in one {@link CitizenStore#save}: identity from the registry
 * record, its {@code RegistryVerification}, and the Argon2id hash of the chosen password. Either the whole
 * account exists afterwards or nothing does. Two enrollments of one NIK racing each other end with one
 * account; the loser learns that the NIK already has one.
 */
@Component
public class AccountCreation {

    private final CitizenStore citizens;
    private final CitizenPasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public AccountCreation(CitizenStore citizens, CitizenPasswordHasher hasher, AuditLog audit) {
        this.citizens = citizens;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** @return the new account, or empty when another account took the NIK first */
    public Optional<Citizen> create(RegistryRecord record, String password, String clientAddress) {
        Instant now = clock.instant();
        Citizen citizen = Citizen.enrolledFrom(record, UUID.randomUUID(), hasher.hash(password), now);
        try {
            citizens.save(citizen);
        } catch (DuplicateNikException e) {
            audit.record(AuditEvent.failure("enrollment.rejected", null, null, clientAddress,
                    Map.of("nik", record.nik().masked(), "reason", "already_enrolled")));
            return Optional.empty();
        }
        audit.record(AuditEvent.success("enrollment.completed", null, citizen.id(), clientAddress,
                Map.of("nik", record.nik().masked(), "registry_version", Long.toString(record.version()))));
        return Optional.of(citizen);
    }
}
