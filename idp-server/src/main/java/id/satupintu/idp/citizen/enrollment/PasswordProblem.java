package id.satupintu.idp.citizen.enrollment;

/** Why a new password is refused; each maps to a message key that tells the citizen what to change. */
public enum PasswordProblem {
    /** Empty: nothing typed. */
    MISSING("enrol.password.error.missing"),
    /** Fewer than {@link PasswordPolicy#MIN_LENGTH} characters (NIST SP 800-63B §5.1.1.2). */
    TOO_SHORT("enrol.password.error.short"),
    /** More than {@link PasswordPolicy#MAX_LENGTH} characters. */
    TOO_LONG("enrol.password.error.long"),
    /** Contains a control character, which no keyboard types on purpose. */
    NOT_PRINTABLE("enrol.password.error.printable"),
    /** On the blocklist of common and breached-style passwords. */
    BLOCKLISTED("enrol.password.error.blocklisted"),
    /** Contains the NIK, the family card number or the birth date: context-specific, easy to guess. */
    PERSONAL_DATA("enrol.password.error.personal"),
    /** The confirmation differs from the password. */
    CONFIRMATION_DIFFERS("enrol.password.error.confirmation");

    private final String messageKey;

    PasswordProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
