package id.satupintu.idp.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a person types to prove who they are when creating an account: the attributes the
 * registry checks against its record.
 */
public record EnrollmentAttributes(Nik nik, String fullName, LocalDate birthDate, String familyCardNumber) {

    public EnrollmentAttributes {
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(familyCardNumber, "familyCardNumber");
    }

    @Override
    public String toString() {
        return "EnrollmentAttributes[nik=" + nik.masked() + "]";
    }
}
