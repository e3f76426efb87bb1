package id.satupintu.sdk.internal.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.jwks.JwksCache;
import java.text.ParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a compact JWS and checks its signature with a provider key (RFC 7515 §5.2). Only the given
 * asymmetric algorithms pass: {@code alg=none} and HMAC are refused before any key is looked up, so a
 * token cannot choose how it is checked (RFC 8725 §3.1). Messages never quote the token.
 */
public final class SignedTokens {

    public static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    /** Far above any real token; bounds the parsing work an attacker can ask for. */
    private static final int MAX_LENGTH = 16 * 1024;
    private static final Pattern PRINTABLE_KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private SignedTokens() {
    }

    /** A token whose signature verified, with its claims. */
    public record Verified(String token, JWSHeader header, JWTClaimsSet claims, String payloadJson) {
        @Override
        public String toString() {
            return "Verified[alg=" + header.getAlgorithm() + "]";
        }
    }

    /**
     * @param what    the token's name for messages ("ID token")
     * @param failure the failure to raise when the token is refused
     * @throws SatuPintuException {@code failure}, or {@link Failure#PROVIDER_UNAVAILABLE} when keys cannot be had
     */
    public static Verified verify(String token, Set<JWSAlgorithm> algorithms, JwksCache keys, String what, Failure failure) {
        if (token == null || token.isEmpty()) {
            throw new SatuPintuException(failure, what + " missing");
        }
        if (token.length() > MAX_LENGTH) {
            throw new SatuPintuException(failure, what + " longer than " + MAX_LENGTH + " characters");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new SatuPintuException(failure, what + " is not a signed JWT (compact JWS)");
        }
        JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
        if (!algorithms.contains(algorithm)) {
            throw new SatuPintuException(failure, what + " signed with " + printable(algorithm.getName())
                    + ", not one of " + algorithms);
        }
        String keyId = jwt.getHeader().getKeyID();
        JWSVerifier verifier = keys.verifier(keyId, algorithm);
        if (verifier == null) {
            throw new SatuPintuException(failure, what + " names key " + printable(keyId)
                    + ", which the provider's JWKS does not hold for " + algorithm);
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new SatuPintuException(failure, what + " signature does not verify");
            }
            return new Verified(token, jwt.getHeader(), jwt.getJWTClaimsSet(), jwt.getPayload().toString());
        } catch (JOSEException e) {
            // for example a critical header parameter the verifier does not understand (RFC 7515 §4.1.11)
            throw new SatuPintuException(failure, what + " cannot be verified: " + e.getClass().getSimpleName());
        } catch (ParseException e) {
            throw new SatuPintuException(failure, what + " claims are not a JSON object");
        }
    }

    /** Header values are attacker-chosen: only a short, plain value is echoed into logs. */
    public static String printable(String value) {
        return value != null && PRINTABLE_KEY_ID.matcher(value).matches() ? "'" + value + "'" : "(none or unprintable)";
    }
}
