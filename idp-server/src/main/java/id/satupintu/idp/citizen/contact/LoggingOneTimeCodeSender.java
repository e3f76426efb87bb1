package id.satupintu.idp.citizen.contact;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quickstart's sender: writes the code to the server log, with the destination masked, so that a
 * person trying SatuPintu locally can read it there. This is its documented purpose and the one place a
 * code is logged; a production deployment replaces it with an SMS/e-mail sender (see README.md).
 */
public class LoggingOneTimeCodeSender implements OneTimeCodeSender {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingOneTimeCodeSender.class);

    @Override
    public void send(ContactChannel channel, String destination, String code, Locale locale) {
        LOG.info("Quickstart one-time code for {} {}: {} (not sent: plug in an SMS/e-mail sender for production)",
                channel.id(), ContactAddresses.masked(channel, destination), code);
    }
}
