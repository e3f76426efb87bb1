package id.satupintu.idp.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.Sex;

/**
 * A citizen's account: identity as recorded by the registry, contact details, password hash, status.
 * Immutable; changes produce a new value that the {@link CitizenStore} saves.
 *
 * @param passwordHash Argon2id PHC string, null while the citizen has no password
 * @param phoneNumber E.164, e.g. {@code +6281234567801}
 */
public record Citizen(UUID id, Nik nik, String fullName, LocalDate birthDate, Sex sex, Address address,
                      String email, boolean emailVerified, String phoneNumber, boolean phoneNumberVerified,
                      String passwordHash, CitizenStatus status, Instant createdAt, Instant updatedAt) {

    public Citizen {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        address = address == null ? Address.unknown() : address;
    }

    public boolean isActive() {
        return status == CitizenStatus.ACTIVE;
    }

    public Citizen withStatus(CitizenStatus newStatus, Instant now) {
        return new Citizen(id, nik, fullName, birthDate, sex, address, email, emailVerified, phoneNumber,
                phoneNumberVerified, passwordHash, newStatus, createdAt, now);
    }

    /** Leaves out the password hash and prints the NIK masked: safe for logs and assertion messages. */
    @Override
    public String toString() {
        return "Citizen[id=" + id + ", nik=" + nik.masked() + ", status=" + status + "]";
    }
}
