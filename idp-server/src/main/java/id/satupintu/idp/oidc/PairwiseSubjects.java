package id.satupintu.idp.oidc;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pairwise subject identifiers (OIDC Core §8.1) with the agency as the sector: every application of
 * one agency sees the same {@code sub} for a citizen, two agencies see unrelated values, and none
 * can recover the account id or the NIK. Computed as HMAC-SHA-256 over sector and account under a
 * secret salt, which is the keyed form of §8.1's "hash of sector, local id and salt".
 */
public final class PairwiseSubjects {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec salt;

    public PairwiseSubjects(byte[] salt) {
        if (salt.length < 32) {
            throw new IllegalArgumentException("pairwise salt must hold at least 256 bits");
        }
        this.salt = new SecretKeySpec(salt, HMAC);
    }

    public String subjectFor(String agencyCode, UUID citizenId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(salt);
            mac.update(agencyCode.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(citizenId.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
