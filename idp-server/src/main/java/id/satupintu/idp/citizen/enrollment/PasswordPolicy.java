package id.satupintu.idp.citizen.enrollment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import id.satupintu.idp.registry.RegistryRecord;

/**
 * The rule for a citizen's new password, NIST SP 800-63B §5.1.1.2 for a password that is the only
 * factor: at least {@value #MIN_LENGTH} characters; up to {@value #MAX_LENGTH} accepted (the guideline
 * asks for at least 64); every printable character including spaces and any Unicode letter; no
 * composition rules (no "one digit, one symbol"); refused when on the {@link PasswordBlocklist} or when
 * it contains the person's own NIK, family card number or birth date ("context-specific words").
 * Length is counted in Unicode code points; the password is hashed exactly as typed.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 128;

    private static final List<DateTimeFormatter> DATE_SPELLINGS = List.of(
            DateTimeFormatter.ofPattern("ddMMyyyy"), DateTimeFormatter.ofPattern("yyyyMMdd"),
            DateTimeFormatter.ofPattern("ddMMyy"), DateTimeFormatter.ofPattern("dd-MM-yyyy"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd"), DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy"));

    private final PasswordBlocklist blocklist;

    public PasswordPolicy(PasswordBlocklist blocklist) {
        this.blocklist = blocklist;
    }

    /** @return the first problem with {@code password} for the person of {@code record}, or empty when acceptable */
    public Optional<PasswordProblem> check(String password, RegistryRecord record) {
        if (password == null || password.isEmpty()) {
            return Optional.of(PasswordProblem.MISSING);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(PasswordProblem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(PasswordProblem.TOO_LONG);
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(PasswordProblem.NOT_PRINTABLE);
        }
        if (blocklist.contains(password)) {
            return Optional.of(PasswordProblem.BLOCKLISTED);
        }
        if (containsPersonalData(password, record)) {
            return Optional.of(PasswordProblem.PERSONAL_DATA);
        }
        return Optional.empty();
    }

    private static boolean containsPersonalData(String password, RegistryRecord record) {
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains(record.nik().value()) || lower.contains(record.familyCardNumber())) {
            return true;
        }
        LocalDate birthDate = record.birthDate();
        return DATE_SPELLINGS.stream().anyMatch(format -> lower.contains(format.format(birthDate)));
    }
}
