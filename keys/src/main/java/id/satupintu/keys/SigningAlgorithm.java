package id.satupintu.keys;

import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The JWS algorithms SatuPintu signs with (RFC 7518 §3). Each gets its own key: reusing one RSA
 * key for both PKCS#1 v1.5 (RS256) and PSS (PS256) is discouraged (RFC 8017 §5), and a JWK that
 * names its {@code alg} lets a signer pick exactly one key per algorithm.
 */
public enum SigningAlgorithm {

    RS256(JWSAlgorithm.RS256),
    PS256(JWSAlgorithm.PS256),
    ES256(JWSAlgorithm.ES256);

    /** RSA modulus size: NIST SP 800-57 acceptable through 2030. */
    private static final int RSA_BITS = 2048;

    private final JWSAlgorithm jws;

    SigningAlgorithm(JWSAlgorithm jws) {
        this.jws = jws;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** Generates a fresh private key for this algorithm with a random {@code kid}. */
    public JWK generate() {
        String kid = name().toLowerCase() + "-" + UUID.randomUUID();
        try {
            if (this == ES256) {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(jws).keyUse(KeyUse.SIGNATURE).generate();
            }
            return new RSAKeyGenerator(RSA_BITS).keyID(kid).algorithm(jws).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new KeyStoreFailure("cannot generate a " + name() + " key", e);
        }
    }

    public static SigningAlgorithm of(JWK jwk) {
        if (jwk.getAlgorithm() == null) {
            throw new KeyStoreFailure("key " + jwk.getKeyID() + " has no alg");
        }
        return valueOf(jwk.getAlgorithm().getName());
    }
}
