package id.satupintu.idp.citizen.contact;

import java.util.Locale;

/**
 * Delivers a one-time code to an e-mail address or phone number (NIST SP 800-63B §5.1.3 out-of-band,
 * here used to confirm a contact detail, not as an authenticator). The quickstart's
 * {@link LoggingOneTimeCodeSender} writes it to the log; production provides a bean of this type that
 * sends SMS and e-mail through the operator's gateways.
 */
public interface OneTimeCodeSender {

    /**
     * @param destination an e-mail address or an E.164 phone number, already normalised
     * @param code the six digits to deliver
     * @param locale the citizen's language, for the message text
     */
    void send(ContactChannel channel, String destination, String code, Locale locale);
}
