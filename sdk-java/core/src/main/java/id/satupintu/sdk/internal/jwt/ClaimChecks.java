package id.satupintu.sdk.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The registered-claim checks every token shares (RFC 7519 §4.1), each raising the caller's failure
 * with a message that names the claim and never its value when that could be personal.
 */
public final class ClaimChecks {

    private final String what;
    private final Failure failure;
    private final Duration skew;
    private final Instant now;

    /** @param now the instant to judge by: one read of the clock per token */
    public ClaimChecks(String what, Failure failure, Duration skew, Instant now) {
        this.what = what;
        this.failure = failure;
        this.skew = skew;
        this.now = now;
    }

    public SatuPintuException refused(String reason) {
        return new SatuPintuException(failure, what + " " + reason);
    }

    public void issuer(JWTClaimsSet claims, String expected) {
        if (!expected.equals(claims.getIssuer())) {
            throw refused("issued by " + SignedTokens.printable(claims.getIssuer()) + ", not " + expected);
        }
    }

    public void audienceContains(JWTClaimsSet claims, String clientId) {
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw refused("audience does not contain client " + clientId);
        }
    }

    /** {@code exp} required and not passed, allowing the skew. */
    public Instant notExpired(JWTClaimsSet claims) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw refused("has no exp");
        }
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw refused("expired at " + exp.toInstant());
        }
        return exp.toInstant();
    }

    /** {@code exp} when present, not passed. */
    public void notExpiredWhenPresent(JWTClaimsSet claims) {
        if (claims.getExpirationTime() != null) {
            notExpired(claims);
        }
    }

    /** {@code nbf} when present, reached (allowing the skew). */
    public void notBefore(JWTClaimsSet claims) {
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            throw refused("not valid before " + nbf.toInstant());
        }
    }

    /** {@code iat} required and not in the future beyond the skew. */
    public Instant issuedInThePast(JWTClaimsSet claims) {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw refused("has no iat");
        }
        if (now.plus(skew).isBefore(iat.toInstant())) {
            throw refused("issued in the future (" + iat.toInstant() + ")");
        }
        return iat.toInstant();
    }

    public String requiredString(JWTClaimsSet claims, String name) {
        String value = optionalString(claims, name);
        if (value == null || value.isEmpty()) {
            throw refused("has no " + name);
        }
        return value;
    }

    public String optionalString(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw refused(name + " is not a string");
        }
    }

    /** Compares values an attacker may try to guess in constant time. */
    public static boolean sameSecret(String expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
