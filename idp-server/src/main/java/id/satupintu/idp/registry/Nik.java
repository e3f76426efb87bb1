package id.satupintu.idp.registry;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Nomor Induk Kependudukan, the 16-digit population identity number: province (2), regency (2),
 * district (2), birth date DDMMYY with 40 added to the day for women, serial (4).
 *
 * <p>Immutable and only created through {@link #parse}. {@link #toString()} prints the
 * {@linkplain #masked() masked} form so a NIK cannot leak into logs by accident; the full number is
 * available only through {@link #value()}, for storage and registry look-ups.
 */
public final class Nik implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Birth dates are resolved against the date in Indonesia's capital. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int LENGTH = 16;
    private static final int FEMALE_DAY_OFFSET = 40;

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private Nik(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /** Parses a NIK, resolving its two-digit birth year against today's date in Jakarta. */
    public static Nik parse(String input) {
        return parse(input, LocalDate.now(JAKARTA));
    }

    /**
     * Parses a NIK. A two-digit year is taken in the current century unless that would put the
     * birth date after {@code today}, in which case it is in the previous century.
     *
     * @throws InvalidNikException naming the rule that failed
     */
    public static Nik parse(String input, LocalDate today) {
        if (input == null || input.length() != LENGTH) {
            throw new InvalidNikException(InvalidNikException.Reason.LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = input.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidNikException(InvalidNikException.Reason.NOT_DIGITS);
            }
        }
        if (input.startsWith("00")) {
            throw new InvalidNikException(InvalidNikException.Reason.PROVINCE);
        }
        if (input.endsWith("0000")) {
            throw new InvalidNikException(InvalidNikException.Reason.SERIAL);
        }
        int encodedDay = digits(input, 6);
        int month = digits(input, 8);
        int twoDigitYear = digits(input, 10);
        Sex sex = encodedDay > FEMALE_DAY_OFFSET ? Sex.FEMALE : Sex.MALE;
        int day = sex == Sex.FEMALE ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
        return new Nik(input, birthDate(day, month, twoDigitYear, today), sex);
    }

    private static LocalDate birthDate(int day, int month, int twoDigitYear, LocalDate today) {
        int century = today.getYear() / 100 * 100;
        try {
            LocalDate candidate = LocalDate.of(century + twoDigitYear, month, day);
            if (!candidate.isAfter(today)) {
                return candidate;
            }
            return LocalDate.of(century - 100 + twoDigitYear, month, day);
        } catch (DateTimeException e) {
            // 29 February may exist in one century and not the other; either way, not a date
            throw new InvalidNikException(InvalidNikException.Reason.BIRTH_DATE);
        }
    }

    private static int digits(String s, int from) {
        return (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
    }

    /** @return the full 16 digits; for storage and registry look-ups only, never for logs */
    public String value() {
        return value;
    }

    /** @return the two-digit province code, e.g. {@code 31} for DKI Jakarta */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** @return the four-digit regency/city code including its province, e.g. {@code 3171} */
    public String regencyCode() {
        return value.substring(0, 4);
    }

    /** @return the six-digit district code including regency and province, e.g. {@code 317101} */
    public String districtCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** @return the four-digit serial number within district and birth date */
    public String serial() {
        return value.substring(12);
    }

    /** @return the regency code and the last two digits, the rest starred: {@code 3171**********01} */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(10) + value.substring(14);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nik nik && nik.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the masked form: a NIK never appears in full in logs or exception messages */
    @Override
    public String toString() {
        return masked();
    }
}
