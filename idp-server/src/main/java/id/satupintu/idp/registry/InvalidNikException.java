package id.satupintu.idp.registry;

/**
 * A string that is not a well-formed NIK. The {@link Reason} says which rule failed and maps to a
 * message key, so the citizen is told what to correct. The message never contains the input.
 */
public class InvalidNikException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Which rule of the NIK structure was broken. */
    public enum Reason {
        /** Not exactly 16 characters. */
        LENGTH("nik.invalid.length"),
        /** Contains something other than the digits 0–9. */
        NOT_DIGITS("nik.invalid.digits"),
        /** Province code 00 does not exist. */
        PROVINCE("nik.invalid.province"),
        /** The encoded birth date (DDMMYY, day + 40 for women) is not a real date. */
        BIRTH_DATE("nik.invalid.birthDate"),
        /** Serial number 0000 is never issued. */
        SERIAL("nik.invalid.serial");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** @return the key in {@code messages*.properties} explaining this rule to the citizen */
        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    public InvalidNikException(Reason reason) {
        super("malformed NIK: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
