package id.satupintu.idp.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * SHA-256 (FIPS 180-4), the one fast hash of the server: for high-entropy values only (tokens,
 * codes, server-generated client secrets, cache validators), never for passwords.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** @return the unpadded base64url digest of the UTF-8 bytes of {@code value} (43 characters) */
    public static String base64Url(String value) {
        return base64Url(value.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the unpadded base64url digest of {@code data} (43 characters) */
    public static String base64Url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(data));
    }
}
