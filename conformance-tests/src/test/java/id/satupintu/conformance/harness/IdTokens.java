package id.satupintu.conformance.harness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Validates an ID token as a relying party must (OIDC Core §3.1.3.7): signed with the client's
 * expected algorithm by a key from the server's JWKS, issued by the discovered issuer, for
 * this client, not expired.
 */
public final class IdTokens {

    /** Clock tolerance between the server and this JVM (same machine, so small). */
    private static final long SKEW_SECONDS = 5;

    private final Discovery discovery;

    public IdTokens(Discovery discovery) {
        this.discovery = discovery;
    }

    /** @return the verified claims; throws AssertionError naming the first rule broken */
    public JWTClaimsSet verify(String idToken, TestClient client) {
        if (idToken == null) {
            throw new AssertionError("no id_token in the token response");
        }
        SignedJWT jwt = parse(idToken);
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        check(alg.getName().equals(client.idTokenAlg()),
                "ID token signed with " + alg + " but the client registered " + client.idTokenAlg());
        check(jwt.getHeader().getKeyID() != null, "ID token header has no kid");
        JWK key = Jwks.fetch(discovery).getKeyByKeyId(jwt.getHeader().getKeyID());
        check(key != null, "ID token kid " + jwt.getHeader().getKeyID() + " is not in the JWKS");
        check(verifySignature(jwt, key), "ID token signature does not verify with the JWKS key " + key.getKeyID());
        JWTClaimsSet claims = claims(jwt);
        check(discovery.issuer().equals(claims.getIssuer()), "iss " + claims.getIssuer() + " is not the issuer " + discovery.issuer());
        check(claims.getAudience().contains(client.clientId()), "aud " + claims.getAudience() + " lacks " + client.clientId());
        check(claims.getAudience().size() == 1 || client.clientId().equals(stringClaim(claims, "azp")),
                "several audiences but azp is not the client");
        check(claims.getSubject() != null && !claims.getSubject().isBlank(), "no sub");
        check(claims.getSubject() == null || claims.getSubject().length() <= 255, "sub longer than 255 ASCII characters");
        Instant now = Instant.now();
        check(claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now.minusSeconds(SKEW_SECONDS)),
                "ID token expired or has no exp");
        check(claims.getIssueTime() != null && !claims.getIssueTime().toInstant().isAfter(now.plusSeconds(SKEW_SECONDS)),
                "iat missing or in the future");
        return claims;
    }

    /** @return whether {@code key} (a public JWK) verifies the token's signature; false for any other key type */
    public static boolean verifySignature(SignedJWT jwt, JWK key) {
        if (!(key instanceof AsymmetricJWK asymmetric)) {
            return false;
        }
        try {
            PublicKey publicKey = asymmetric.toPublicKey();
            JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), publicKey);
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    public static SignedJWT parse(String jwt) {
        try {
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new AssertionError("not a signed JWT: " + e.getMessage(), e);
        }
    }

    public static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("JWT claims are not a JSON object", e);
        }
    }

    public static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new AssertionError(name + " is not a string", e);
        }
    }

    /** @return {@code auth_time} (OIDC Core §2) or null when absent */
    public static Instant authTime(JWTClaimsSet claims) {
        Object value = claims.getClaim("auth_time");
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        throw new AssertionError("auth_time is not a number: " + value);
    }

    /** OIDC Core §3.1.3.6: left half of the hash of the access token's ASCII octets, base64url. */
    public static String expectedAtHash(String accessToken, JWSAlgorithm alg) {
        String digest = switch (alg.getName().substring(2)) {
            case "384" -> "SHA-384";
            case "512" -> "SHA-512";
            default -> "SHA-256";
        };
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, hash.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
