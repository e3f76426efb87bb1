package id.satupintu.idp.citizen.contact;

import java.time.Instant;
import java.util.Objects;

/**
 * One outstanding code as stored: never the code itself, only its salted SHA-256.
 *
 * @param destination the normalised e-mail address or E.164 number the code was sent to
 * @param salt random, base64url; makes equal codes hash differently
 * @param codeHash SHA-256 of salt, store key and code, base64url
 * @param expiresAt when the code stops being accepted
 * @param failedAttempts wrong codes entered so far
 * @param lastSentAt when a code was last sent to the destination (resend throttling)
 * @param sends how many codes have been sent under this key while it lived
 */
public record StoredOneTimeCode(String destination, String salt, String codeHash, Instant expiresAt,
                                int failedAttempts, Instant lastSentAt, int sends) {

    public StoredOneTimeCode {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastSentAt, "lastSentAt");
    }

    @Override
    public String toString() {
        return "StoredOneTimeCode[expiresAt=" + expiresAt + ", failedAttempts=" + failedAttempts + ", sends=" + sends + "]";
    }
}
