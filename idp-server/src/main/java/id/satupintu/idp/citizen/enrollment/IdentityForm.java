package id.satupintu.idp.citizen.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.InvalidNikException;
import id.satupintu.idp.registry.Nik;

/**
 * The enrollment form as typed (kept to show it again) and its field errors as message keys, in the
 * order of the form. Only format is checked here; whether the values belong together is the registry's
 * to say.
 */
public record IdentityForm(String nik, String fullName, String birthDate, String familyCardNumber) {

    static final int MAX_NAME_LENGTH = 100;

    /** {@code yyyy-MM-dd} is what a date input sends; the others are how people type dates without one. */
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    public IdentityForm {
        nik = nik == null ? "" : nik.strip();
        fullName = fullName == null ? "" : fullName.strip();
        birthDate = birthDate == null ? "" : birthDate.strip();
        familyCardNumber = familyCardNumber == null ? "" : familyCardNumber.strip();
    }

    public static IdentityForm empty() {
        return new IdentityForm("", "", "", "");
    }

    /** @return field name → message key of every field in error; empty when the form can go to the registry */
    public Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (nik.isEmpty()) {
            errors.put("nik", "enrol.error.nik.missing");
        } else {
            try {
                Nik.parse(nik);
            } catch (InvalidNikException e) {
                errors.put("nik", e.reason().messageKey());
            }
        }
        if (fullName.isEmpty()) {
            errors.put("fullName", "enrol.error.fullName.missing");
        } else if (fullName.length() > MAX_NAME_LENGTH) {
            errors.put("fullName", "enrol.error.fullName.long");
        }
        if (birthDate.isEmpty()) {
            errors.put("birthDate", "enrol.error.birthDate.missing");
        } else {
            LocalDate date = parseDate(birthDate);
            if (date == null || date.isAfter(today) || date.getYear() < 1900) {
                errors.put("birthDate", "enrol.error.birthDate.invalid");
            }
        }
        if (familyCardNumber.isEmpty()) {
            errors.put("familyCardNumber", "enrol.error.familyCardNumber.missing");
        } else if (!familyCardNumber.matches("[0-9]{16}")) {
            errors.put("familyCardNumber", "enrol.error.familyCardNumber.invalid");
        }
        return errors;
    }

    /** @return the attributes to verify; only call when {@link #errors} is empty */
    public EnrollmentAttributes attributes() {
        return new EnrollmentAttributes(Nik.parse(nik), fullName, parseDate(birthDate), familyCardNumber);
    }

    private static LocalDate parseDate(String value) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // try the next spelling
            }
        }
        return null;
    }

    /** Holds the NIK and the other attributes: never printed. */
    @Override
    public String toString() {
        return "IdentityForm[...]";
    }
}
