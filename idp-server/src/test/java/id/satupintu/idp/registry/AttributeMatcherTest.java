package id.satupintu.idp.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.embedded.DemoRegistryRecords;

class AttributeMatcherTest {

    private static final RegistryRecord RINA = DemoRegistryRecords.RINA;

    private static EnrollmentAttributes rina(String name, LocalDate birthDate, String familyCard) {
        return new EnrollmentAttributes(RINA.nik(), name, birthDate, familyCard);
    }

    @Test
    void matchWhenNameDiffersOnlyInCaseSpacingAndPunctuationThenVerified() {
        for (String typed : new String[] {"Rina Wulandari", "  rina   WULANDARI ", "Rina-Wulandari.", "rína wulandari"}) {
            VerificationOutcome outcome = AttributeMatcher.match(rina(typed, RINA.birthDate(), RINA.familyCardNumber()), RINA);
            assertThat(outcome).as(typed).isEqualTo(new VerificationOutcome.Verified(RINA));
        }
    }

    @Test
    void normalisedNameWhenApostropheThenRemovedNotSpaced() {
        assertThat(AttributeMatcher.normalisedName("Ma'ruf Amin")).isEqualTo(AttributeMatcher.normalisedName("MARUF AMIN"));
        assertThat(AttributeMatcher.normalisedName("Ni Luh  Putu-Ayu.")).isEqualTo("NI LUH PUTU AYU");
    }

    @Test
    void matchWhenAnyAttributeDiffersThenNotMatched() {
        assertThat(AttributeMatcher.match(rina("Rina Wulandar", RINA.birthDate(), RINA.familyCardNumber()), RINA))
                .isInstanceOf(VerificationOutcome.NotMatched.class);
        assertThat(AttributeMatcher.match(rina("Rina Wulandari", RINA.birthDate().plusDays(1), RINA.familyCardNumber()), RINA))
                .isInstanceOf(VerificationOutcome.NotMatched.class);
        assertThat(AttributeMatcher.match(rina("Rina Wulandari", RINA.birthDate(), "3374011203150008"), RINA))
                .isInstanceOf(VerificationOutcome.NotMatched.class);
    }

    @Test
    void matchWhenNoRecordThenSameOutcomeAsMismatch() {
        assertThat(AttributeMatcher.match(rina("Rina Wulandari", RINA.birthDate(), RINA.familyCardNumber()), null))
                .isEqualTo(AttributeMatcher.match(rina("Someone Else", RINA.birthDate(), RINA.familyCardNumber()), RINA));
    }

    @Test
    void matchWhenRecordDeceasedThenDeceasedOnlyIfEverythingMatched() {
        RegistryRecord hendra = DemoRegistryRecords.HENDRA;
        EnrollmentAttributes right = new EnrollmentAttributes(hendra.nik(), "Hendra Gunawan", hendra.birthDate(),
                hendra.familyCardNumber());
        EnrollmentAttributes wrong = new EnrollmentAttributes(hendra.nik(), "Hendra Gunawan", hendra.birthDate(),
                "1271010101050003");
        assertThat(AttributeMatcher.match(right, hendra)).isInstanceOf(VerificationOutcome.Deceased.class);
        assertThat(AttributeMatcher.match(wrong, hendra)).isInstanceOf(VerificationOutcome.NotMatched.class);
    }
}
