package id.satupintu.idp.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.Sex;

/**
 * A citizen's account: identity as recorded by the registry, contact details, password hash, status.
 * Immutable; changes produce a new value that the {@link CitizenStore} saves.
 *
 * @param passwordHash Argon2id PHC string, null while the citizen has no password
 * @param phoneNumber E.164, e.g. {@code +6281234567801}
 * @param verification the registry record the account was made from and last updated with
 */
public record Citizen(UUID id, Nik nik, String fullName, LocalDate birthDate, Sex sex, Address address,
                      String email, boolean emailVerified, String phoneNumber, boolean phoneNumberVerified,
                      String passwordHash, CitizenStatus status, Instant createdAt, Instant updatedAt,
                      RegistryVerification verification) {

    public Citizen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(verification, "verification");
        address = address == null ? Address.unknown() : address;
    }

    /** @return the name as people write it ("Siti Rahayu"), for pages and the {@code name} claim */
    public String displayName() {
        return StandardClaims.displayName(fullName);
    }

    public boolean isActive() {
        return status == CitizenStatus.ACTIVE;
    }

    /**
     * A new account for the person the registry vouched for, with identity attributes copied from
     * the record and no contact details yet.
     */
    public static Citizen enrolledFrom(RegistryRecord record, UUID id, String passwordHash, Instant now) {
        return new Citizen(id, record.nik(), record.fullName(), record.birthDate(), record.sex(),
                Address.from(record.address()), null, false, null, false, passwordHash, CitizenStatus.ACTIVE, now,
                now, RegistryVerification.of(record, now));
    }

    /**
     * This account brought up to date with a newer registry record: name, address and family card
     * change; a recorded death makes the account {@link CitizenStatus#DECEASED}. Contact details and
     * the password stay.
     */
    public Citizen withRegistryRecord(RegistryRecord record, Instant now) {
        CitizenStatus newStatus = record.isDeceased() ? CitizenStatus.DECEASED : status;
        return new Citizen(id, nik, record.fullName(), record.birthDate(), record.sex(), Address.from(record.address()),
                email, emailVerified, phoneNumber, phoneNumberVerified, passwordHash, newStatus, createdAt, now,
                RegistryVerification.of(record, now));
    }

    public Citizen withStatus(CitizenStatus newStatus, Instant now) {
        return new Citizen(id, nik, fullName, birthDate, sex, address, email, emailVerified, phoneNumber,
                phoneNumberVerified, passwordHash, newStatus, createdAt, now, verification);
    }

    /** Leaves out the password hash and prints the NIK masked: safe for logs and assertion messages. */
    @Override
    public String toString() {
        return "Citizen[id=" + id + ", nik=" + nik.masked() + ", status=" + status + "]";
    }
}
