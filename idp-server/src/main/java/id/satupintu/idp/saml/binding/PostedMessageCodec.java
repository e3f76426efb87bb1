package id.satupintu.idp.saml.binding;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.xml.OpenSaml;

/**
 * How a parked {@link InboundMessage} is kept by every {@link PostedMessages} implementation: the raw
 * XML bytes (re-serialised from the parsed DOM, which is what was signed), the binding, the RelayState
 * and any Redirect query signature, as one line of base64 fields. Reading it back parses the XML again
 * through {@link OpenSaml#parse}, so a stored message gets no more trust than a received one.
 */
public final class PostedMessageCodec {

    /** 256 random bits, base64url without padding. */
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NULL = "-";

    private PostedMessageCodec() {
    }

    /** @return a new random handle of 256 bits */
    public static String newHandle() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return whether {@code handle} could have come from {@link #newHandle()}: others are not looked up */
    public static boolean isWellFormed(String handle) {
        return handle != null && HANDLE.matcher(handle).matches();
    }

    public static String encode(InboundMessage message) {
        byte[] xml = OpenSaml.toXml(OpenSaml.marshal(message.message())).getBytes(StandardCharsets.UTF_8);
        RedirectSignedQuery signature = message.redirectSignature();
        return String.join(".",
                field(message.binding().name().getBytes(StandardCharsets.UTF_8)),
                field(message.relayState() == null ? null : message.relayState().getBytes(StandardCharsets.UTF_8)),
                field(xml),
                field(signature == null ? null : signature.sigAlg().getBytes(StandardCharsets.UTF_8)),
                field(signature == null ? null : signature.signature()),
                field(signature == null ? null : signature.signedOctets()));
    }

    /** @return the message, parsed again; empty when the stored form is damaged or no longer acceptable */
    public static Optional<InboundMessage> decode(String stored) {
        try {
            String[] fields = stored.split("\\.", -1);
            if (fields.length != 6) {
                return Optional.empty();
            }
            SamlBinding binding = SamlBinding.valueOf(text(fields[0]));
            RedirectSignedQuery signature = NULL.equals(fields[3]) ? null
                    : new RedirectSignedQuery(text(fields[3]), bytes(fields[4]), bytes(fields[5]));
            return Optional.of(new InboundMessage(InboundDecoder.parse(bytes(fields[2])), binding, text(fields[1]),
                    signature));
        } catch (IllegalArgumentException | NullPointerException | SamlBindingException e) {
            return Optional.empty();
        }
    }

    private static String field(byte[] value) {
        return value == null ? NULL : Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] bytes(String field) {
        return NULL.equals(field) ? null : Base64.getUrlDecoder().decode(field);
    }

    private static String text(String field) {
        byte[] bytes = bytes(field);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
