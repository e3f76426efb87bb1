package id.satupintu.idp.saml.sso;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Identifiers of messages and assertions (SAML Core §1.3.4: unique, with at most a 2^-128 chance
 * of collision, so 160 random bits here), and session indexes and transient NameIDs. Prefixed with
 * {@code _} so each is an {@code xs:ID} (an NCName may not start with a digit).
 */
final class SamlIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private SamlIds() {
    }

    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HEX.formatHex(bytes);
    }
}
