package id.satupintu.idp.agency.secret;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Generates client secrets: 256 random bits from {@link SecureRandom}, base64url without padding
 * (43 characters). The entropy is what makes a fast SHA-256 hash safe for storing them.
 */
@Component
public class ClientSecretGenerator {

    static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Client identifiers are public, but unguessable ones keep registration enumeration pointless. */
    public String newClientId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
