package id.satupintu.idp.saml.sso;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The {@code urn:oasis:names:tc:SAML:attribute:pairwise-id} attribute (SAML V2.0 Subject
 * Identifier Attributes Profile 1.0, §3.4): {@code uniqueID@scope}, where uniqueID is the agency's
 * pairwise subject (the persistent NameID, the OIDC {@code sub}) and the scope is the agency's
 * domain under this IdP, {@code <agencyCode>.<issuer host>}.
 *
 * <p>The profile allows only letters, digits, {@code =} and {@code -} in uniqueID and compares it
 * case-insensitively (§3.3.1), and SPs such as Shibboleth enforce that with a regular expression.
 * The pairwise subject is base64url (with {@code _} and both cases), so here the same 256 bits are
 * written in lower-case RFC 4648 base32: the same identifier, in the alphabet the profile requires.
 */
final class PairwiseId {

    static final String NAME = "urn:oasis:names:tc:SAML:attribute:pairwise-id";
    static final String FRIENDLY_NAME = "pairwise-id";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private PairwiseId() {
    }

    static SamlAttribute of(String pairwiseSubject, String agencyCode, String issuerHost) {
        return new SamlAttribute(NAME, FRIENDLY_NAME,
                List.of(uniqueId(pairwiseSubject) + "@" + scope(agencyCode, issuerHost)));
    }

    static String scope(String agencyCode, String issuerHost) {
        return (agencyCode + "." + issuerHost).toLowerCase(Locale.ROOT);
    }

    /** @return the pairwise subject's bytes in lower-case base32 without padding */
    static String uniqueId(String pairwiseSubject) {
        byte[] bytes = Base64.getUrlDecoder().decode(pairwiseSubject);
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
