package id.satupintu.idp.agency.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.springframework.security.crypto.password.PasswordEncoder;
import id.satupintu.idp.store.Sha256;
import org.springframework.stereotype.Component;

/**
 * Encodes client secrets as unsalted SHA-256 (base64url, no padding) and compares in constant time.
 *
 * <p>Client secrets are server-generated with at least 256 bits of entropy, so neither salt nor a
 * slow hash adds protection; a slow hash (bcrypt, Argon2) on the token endpoint would cap it at tens
 * of requests per second (DESIGN.md). This is the only {@link PasswordEncoder} bean: Spring's
 * {@code ClientSecretAuthenticationProvider} and the OIDC registration endpoint pick it up. Citizen
 * passwords use their own Argon2id hasher, deliberately not a {@code PasswordEncoder} bean.
 */
@Component
public class Sha256ClientSecretEncoder implements PasswordEncoder {

    /** Length of an encoded secret: 32 digest bytes in unpadded base64url. */
    public static final int ENCODED_LENGTH = 43;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Override
    public String encode(CharSequence rawSecret) {
        if (rawSecret == null) {
            return null;
        }
        return ENCODER.encodeToString(digest(rawSecret));
    }

    @Override
    public boolean matches(CharSequence rawSecret, String encodedSecret) {
        if (rawSecret == null || encodedSecret == null || encodedSecret.length() != ENCODED_LENGTH) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(encodedSecret);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // MessageDigest.isEqual takes time independent of where the arrays differ
        return MessageDigest.isEqual(digest(rawSecret), expected);
    }

    @Override
    public boolean upgradeEncoding(String encodedSecret) {
        return false;
    }

    private static byte[] digest(CharSequence rawSecret) {
        return Sha256.digest(rawSecret.toString().getBytes(StandardCharsets.UTF_8));
    }
}
