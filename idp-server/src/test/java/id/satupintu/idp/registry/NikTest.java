package id.satupintu.idp.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NikTest {

    @Test
    void parseWhenWomanThenDaySubtractsFortyAndSexIsFemale() {
        Nik nik = Nik.parse(TestNiks.SITI, TestNiks.TODAY);

        assertThat(nik.sex()).isEqualTo(Sex.FEMALE);
        assertThat(nik.birthDate()).isEqualTo(LocalDate.of(1990, 2, 25));
    }

    @Test
    void parseWhenManThenDayIsAsWrittenAndSexIsMale() {
        Nik nik = Nik.parse(TestNiks.BUDI, TestNiks.TODAY);

        assertThat(nik.sex()).isEqualTo(Sex.MALE);
        assertThat(nik.birthDate()).isEqualTo(LocalDate.of(1985, 8, 17));
    }

    @Test
    void parseWhenWellFormedThenExposesRegionCodesAndSerial() {
        Nik nik = Nik.parse(TestNiks.SITI, TestNiks.TODAY);

        assertThat(nik.provinceCode()).isEqualTo("31");
        assertThat(nik.regencyCode()).isEqualTo("3171");
        assertThat(nik.districtCode()).isEqualTo("317101");
        assertThat(nik.serial()).isEqualTo("0001");
        assertThat(nik.value()).isEqualTo(TestNiks.SITI);
    }

    @Test
    void parseWhenTwoDigitYearNotInFutureThenCurrentCentury() {
        assertThat(Nik.parse(TestNiks.man(1, 1, 20), TestNiks.TODAY).birthDate()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(Nik.parse(TestNiks.man(27, 11, 26), TestNiks.TODAY).birthDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void parseWhenTwoDigitYearWouldBeInFutureThenPreviousCentury() {
        assertThat(Nik.parse(TestNiks.man(28, 11, 26), TestNiks.TODAY).birthDate()).isEqualTo(LocalDate.of(1926, 11, 28));
        assertThat(Nik.parse(TestNiks.man(1, 1, 90), TestNiks.TODAY).birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void maskedWhenCalledThenShowsRegencyAndLastTwoDigitsOnly() {
        assertThat(Nik.parse(TestNiks.SITI, TestNiks.TODAY).masked()).isEqualTo("3171**********01");
    }

    @Test
    void toStringWhenCalledThenNeverPrintsFullNik() {
        String printed = Nik.parse(TestNiks.SITI, TestNiks.TODAY).toString();

        assertThat(printed).doesNotContain(TestNiks.SITI).isEqualTo("3171**********01");
    }

    @Test
    void equalsWhenSameDigitsThenEqual() {
        assertThat(Nik.parse(TestNiks.SITI, TestNiks.TODAY)).isEqualTo(Nik.parse(TestNiks.SITI, TestNiks.TODAY))
                .isNotEqualTo(Nik.parse(TestNiks.BUDI, TestNiks.TODAY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"317101650290000", "31710165029000011"})
    void parseWhenNotSixteenCharactersThenLengthRejected(String input) {
        assertRejected(input, InvalidNikException.Reason.LENGTH, "nik.invalid.length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"31710165029000a1", "3171 16502900001", "３171016502900001", "-171016502900001"})
    void parseWhenNonDigitThenDigitsRejected(String input) {
        assertRejected(input, InvalidNikException.Reason.NOT_DIGITS, "nik.invalid.digits");
    }

    @Test
    void parseWhenProvinceZeroThenProvinceRejected() {
        assertRejected("0071016502900001", InvalidNikException.Reason.PROVINCE, "nik.invalid.province");
    }

    @Test
    void parseWhenSerialZeroThenSerialRejected() {
        assertRejected("3171016502900000", InvalidNikException.Reason.SERIAL, "nik.invalid.serial");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3171010001900001", // day 00
            "3171013201900001", // man born on the 32nd
            "3171014001900001", // day 40: neither a man's nor a woman's day
            "3171017201900001", // woman born on the 32nd
            "3171011513900001", // month 13
            "3171011500900001", // month 00
            "3171013102900001", // 31 February
            "3171012902010001"  // 29 February 2001 (and 1901): not a leap year
    })
    void parseWhenBirthDateImpossibleThenBirthDateRejected(String input) {
        assertRejected(input, InvalidNikException.Reason.BIRTH_DATE, "nik.invalid.birthDate");
    }

    @Test
    void parseWhenLeapDayInLeapYearThenAccepted() {
        assertThat(Nik.parse(TestNiks.woman(29, 2, 0), TestNiks.TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void exceptionMessageWhenRejectedThenDoesNotContainInput() {
        assertThatThrownBy(() -> Nik.parse("3171016502900000", TestNiks.TODAY))
                .message().doesNotContain("3171016502900000");
    }

    private static void assertRejected(String input, InvalidNikException.Reason reason, String messageKey) {
        assertThatThrownBy(() -> Nik.parse(input, TestNiks.TODAY))
                .isInstanceOfSatisfying(InvalidNikException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.reason().messageKey()).isEqualTo(messageKey);
                });
    }
}
