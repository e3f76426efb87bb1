package id.satupintu.idp.registry;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One person's record in the population registry: the authority for every identity claim
 * SatuPintu releases. Immutable; a change in the registry produces a record with a higher
 * {@link #version()}, which is how out-of-order change events are recognised.
 *
 * @param familyCardNumber Nomor Kartu Keluarga (KK), 16 digits: district code (6), issue date DDMMYY, serial (4)
 * @param dateOfDeath null while the person is alive
 * @param version the registry's revision of this record, increasing with every change
 * @param updatedAt when the registry last changed the record
 */
public record RegistryRecord(Nik nik, String familyCardNumber, String fullName, String birthPlace,
                             LocalDate birthDate, Sex sex, RegistryAddress address, Religion religion,
                             MaritalStatus maritalStatus, String occupation, Citizenship citizenship,
                             LocalDate dateOfDeath, long version, Instant updatedAt) implements Serializable {

    public RegistryRecord {
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(familyCardNumber, "familyCardNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(citizenship, "citizenship");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isDeceased() {
        return dateOfDeath != null;
    }

    /** @return this record after the person's death on {@code date}, as revision {@code newVersion} */
    public RegistryRecord withDeath(LocalDate date, long newVersion, Instant now) {
        return new RegistryRecord(nik, familyCardNumber, fullName, birthPlace, birthDate, sex, address, religion,
                maritalStatus, occupation, citizenship, date, newVersion, now);
    }

    public RegistryRecord withFullName(String newName, long newVersion, Instant now) {
        return new RegistryRecord(nik, familyCardNumber, newName, birthPlace, birthDate, sex, address, religion,
                maritalStatus, occupation, citizenship, dateOfDeath, newVersion, now);
    }

    public RegistryRecord withAddress(RegistryAddress newAddress, long newVersion, Instant now) {
        return new RegistryRecord(nik, familyCardNumber, fullName, birthPlace, birthDate, sex, newAddress, religion,
                maritalStatus, occupation, citizenship, dateOfDeath, newVersion, now);
    }

    /** A move to another family card, e.g. on marriage, also changes the marital status. */
    public RegistryRecord withFamily(String newFamilyCardNumber, MaritalStatus newMaritalStatus, long newVersion,
                                     Instant now) {
        return new RegistryRecord(nik, newFamilyCardNumber, fullName, birthPlace, birthDate, sex, address, religion,
                newMaritalStatus, occupation, citizenship, dateOfDeath, newVersion, now);
    }

    /** Leaves out everything but the masked NIK and the version: safe for logs and assertion messages. */
    @Override
    public String toString() {
        return "RegistryRecord[nik=" + nik.masked() + ", version=" + version + ", deceased=" + isDeceased() + "]";
    }
}
