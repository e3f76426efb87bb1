package id.satupintu.sdk.internal.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One fetched JWKS with a ready {@link JWSVerifier} per usable key, so that verifying a token costs
 * one signature check and no key conversion. Usable: signature keys ({@code use} absent or {@code sig}),
 * RSA of at least 2048 bits or EC P-256. Immutable; replaced whole on refresh.
 */
final class KeySet {

    private record Entry(String keyId, JWSAlgorithm declared, boolean rsa, JWSVerifier verifier) {
        boolean fits(JWSAlgorithm algorithm) {
            boolean family = rsa ? JWSAlgorithm.Family.RSA.contains(algorithm) : JWSAlgorithm.ES256.equals(algorithm);
            return family && (declared == null || declared.equals(algorithm));
        }
    }

    private final List<Entry> entries;
    private final Instant expiresAt;

    private KeySet(List<Entry> entries, Instant expiresAt) {
        this.entries = entries;
        this.expiresAt = expiresAt;
    }

    /** @throws IllegalArgumentException when the text is not a JWK Set (RFC 7517 §5) */
    static KeySet parse(String json, Instant expiresAt) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("JWKS is not a JWK Set");
        }
        List<Entry> entries = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                continue;
            }
            JWSAlgorithm declared = key.getAlgorithm() == null ? null : JWSAlgorithm.parse(key.getAlgorithm().getName());
            try {
                if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
                    entries.add(new Entry(key.getKeyID(), declared, true, new RSASSAVerifier(rsa.toRSAPublicKey())));
                } else if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                    entries.add(new Entry(key.getKeyID(), declared, false, new ECDSAVerifier(ec.toECPublicKey())));
                }
            } catch (JOSEException e) {
                // a malformed key is skipped: the others may still be good
            }
        }
        return new KeySet(List.copyOf(entries), expiresAt);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /**
     * @return the verifier of the key with this {@code kid} fitting the algorithm; without a {@code kid},
     *         the only key fitting it; null when none (or, without {@code kid}, several) fit
     */
    JWSVerifier verifier(String keyId, JWSAlgorithm algorithm) {
        Entry found = null;
        for (Entry entry : entries) {
            if (keyId != null ? keyId.equals(entry.keyId()) && entry.fits(algorithm) : entry.fits(algorithm)) {
                if (found != null) {
                    return null;
                }
                found = entry;
            }
        }
        return found == null ? null : found.verifier();
    }
}
