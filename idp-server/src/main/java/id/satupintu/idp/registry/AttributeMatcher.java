package id.satupintu.idp.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares what a person typed with the registry's record. Names are compared after normalising
 * case, spacing and punctuation ("SITI  RAHAYU" = "Siti Rahayu" = "siti-rahayu."), because people
 * type their names in many ways while the registry prints them in capitals; dates and the family
 * card number must match exactly.
 */
public final class AttributeMatcher {

    private AttributeMatcher() {
    }

    /** @return the outcome for {@code submitted} against {@code record}, which may be null (unknown NIK) */
    public static VerificationOutcome match(EnrollmentAttributes submitted, RegistryRecord record) {
        if (record == null
                || !record.nik().equals(submitted.nik())
                || !record.birthDate().equals(submitted.birthDate())
                || !record.familyCardNumber().equals(submitted.familyCardNumber().strip())
                || !normalisedName(record.fullName()).equals(normalisedName(submitted.fullName()))) {
            return new VerificationOutcome.NotMatched();
        }
        return record.isDeceased() ? new VerificationOutcome.Deceased() : new VerificationOutcome.Verified(record);
    }

    /**
     * Upper case (Indonesian rules), accents and apostrophes removed (so "Ma'ruf" = "Maruf"), every
     * other run of punctuation or white space made one space, trimmed: "Ni Luh  Putu-Ayu." becomes
     * "NI LUH PUTU AYU".
     */
    public static String normalisedName(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toUpperCase(Locale.forLanguageTag("id"))
                .replaceAll("['\u2019`]", "")
                .replaceAll("[\\p{P}\\p{S}\\s]+", " ")
                .strip();
    }
}
