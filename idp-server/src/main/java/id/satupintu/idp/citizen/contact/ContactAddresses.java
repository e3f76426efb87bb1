package id.satupintu.idp.citizen.contact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises what a citizen types as an e-mail address or an Indonesian mobile number, and masks them
 * for logs. Phone numbers become E.164 ({@code +62…}): "0812-3456-7890", "62812…" and "+62 812…" are
 * one number.
 */
public final class ContactAddresses {

    /** Pragmatic, not RFC 5322: one {@code @}, no spaces, a dot in the domain; the code proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Indonesian numbers: +62 then 8–12 digits not starting with 0 (mobile numbers start with 8). */
    private static final Pattern INDONESIAN_E164 = Pattern.compile("\\+62[1-9][0-9]{7,11}");
    private static final int MAX_EMAIL_LENGTH = 254;

    private ContactAddresses() {
    }

    /** @return the address with its domain lower-cased, or empty when it is not an e-mail address */
    public static Optional<String> email(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.strip();
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            return Optional.empty();
        }
        int at = value.lastIndexOf('@');
        return Optional.of(value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT));
    }

    /** @return the number in E.164 ({@code +62…}), or empty when it is not an Indonesian phone number */
    public static Optional<String> phone(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.strip().replaceAll("[\\s().-]", "");
        if (digits.startsWith("0")) {
            digits = "+62" + digits.substring(1);
        } else if (digits.startsWith("62")) {
            digits = "+" + digits;
        }
        return INDONESIAN_E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** @return {@code r***@example.id} or {@code +62812*****890}: enough to recognise, not to contact */
    public static String masked(ContactChannel channel, String destination) {
        if (channel == ContactChannel.EMAIL) {
            int at = destination.lastIndexOf('@');
            return destination.charAt(0) + "***" + destination.substring(at);
        }
        int keep = Math.min(6, destination.length() - 3);
        return destination.substring(0, keep) + "*".repeat(destination.length() - keep - 3)
                + destination.substring(destination.length() - 3);
    }
}
