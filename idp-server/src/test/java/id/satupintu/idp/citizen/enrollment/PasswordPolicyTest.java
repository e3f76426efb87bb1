package id.satupintu.idp.citizen.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.RegistryRecord;

class PasswordPolicyTest {

    private static final PasswordBlocklist BLOCKLIST = new PasswordBlocklist();
    private final PasswordPolicy policy = new PasswordPolicy(BLOCKLIST);
    private final RegistryRecord rina = TestRegistryRecords.fresh();

    @Test
    void checkWhenLongPassphraseThenAccepted() {
        assertThat(policy.check("kuda hijau makan nasi goreng", rina)).isEmpty();
    }

    @Test
    void checkWhenExactlyFifteenCharactersThenAccepted() {
        assertThat(policy.check("tujuhbelas-ayam", rina)).isEmpty();
    }

    @Test
    void checkWhenFourteenCharactersThenTooShort() {
        assertThat(policy.check("empatbelas-aya", rina)).contains(PasswordProblem.TOO_SHORT);
    }

    @Test
    void checkWhenEmptyOrNullThenMissing() {
        assertThat(policy.check("", rina)).contains(PasswordProblem.MISSING);
        assertThat(policy.check(null, rina)).contains(PasswordProblem.MISSING);
    }

    @Test
    void checkWhenOnlyLowerCaseLettersThenAcceptedBecauseNoCompositionRules() {
        assertThat(policy.check("gununglawuberkabut", rina)).isEmpty();
    }

    @Test
    void checkWhenSixtyFourAndOneHundredTwentyEightCharactersThenAccepted() {
        assertThat(policy.check("a1b2c3d4-".repeat(7) + "x", rina)).isEmpty();
        assertThat(policy.check("pantai kuta ".repeat(9) + "bali sore hari indah", rina)).isEmpty();
    }

    @Test
    void checkWhenLongerThan128ThenTooLong() {
        assertThat(policy.check("x".repeat(60) + "y".repeat(69), rina)).contains(PasswordProblem.TOO_LONG);
    }

    @Test
    void checkWhenUnicodeAndSpacesThenAcceptedAndLengthCountsCodePoints() {
        assertThat(policy.check("ibu kota nusantara 🌴🌴", rina)).isEmpty();
        // 14 emoji are 28 UTF-16 chars but 14 characters: too short
        assertThat(policy.check("🐘".repeat(14), rina)).contains(PasswordProblem.TOO_SHORT);
    }

    @Test
    void checkWhenControlCharacterThenNotPrintable() {
        assertThat(policy.check("kalimat panjang\u0007sekali", rina)).contains(PasswordProblem.NOT_PRINTABLE);
    }

    @Test
    void checkWhenBlocklistedInAnyCaseOrWithSurroundingSpacesThenBlocklisted() {
        assertThat(policy.check("satupintu123456", rina)).contains(PasswordProblem.BLOCKLISTED);
        assertThat(policy.check("SatuPintu123456", rina)).contains(PasswordProblem.BLOCKLISTED);
        assertThat(policy.check("  Indonesia12345678 ", rina)).contains(PasswordProblem.BLOCKLISTED);
        assertThat(policy.check("qwertyuiopasdfghjkl", rina)).contains(PasswordProblem.BLOCKLISTED);
        assertThat(policy.check("aaaaaaaaaaaaaaaa", rina)).contains(PasswordProblem.BLOCKLISTED);
        assertThat(policy.check("merdeka17081945", rina)).contains(PasswordProblem.BLOCKLISTED);
    }

    @Test
    void checkWhenContainsNikThenPersonalData() {
        assertThat(policy.check("nik saya " + rina.nik().value(), rina)).contains(PasswordProblem.PERSONAL_DATA);
    }

    @Test
    void checkWhenContainsFamilyCardNumberThenPersonalData() {
        assertThat(policy.check(rina.familyCardNumber() + "-rumah", rina)).contains(PasswordProblem.PERSONAL_DATA);
    }

    @Test
    void checkWhenContainsBirthDateInCommonSpellingsThenPersonalData() {
        assertThat(policy.check("ulang tahun 01071992", rina)).contains(PasswordProblem.PERSONAL_DATA);
        assertThat(policy.check("ulang tahun 1992-07-01", rina)).contains(PasswordProblem.PERSONAL_DATA);
        assertThat(policy.check("ulang tahun 01/07/1992", rina)).contains(PasswordProblem.PERSONAL_DATA);
        assertThat(policy.check("ulang tahun ke 010792", rina)).contains(PasswordProblem.PERSONAL_DATA);
    }

    @Test
    void blocklistWhenLoadedThenSeveralThousandEntriesOfAtLeastFifteenCharacters() {
        assertThat(BLOCKLIST.size()).isGreaterThan(5000);
        assertThat(BLOCKLIST.contains("passwordpassword")).isTrue();
        assertThat(BLOCKLIST.contains("kuda hijau makan nasi goreng")).isFalse();
    }
}
