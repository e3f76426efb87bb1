package id.satupintu.sdk.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test provider's signing keys: one RSA 2048 key (RS256 and PS256) and one P-256 key (ES256).
 * {@link #rotate()} replaces both with new key ids, as a provider's key rollover does.
 *
 * <p>Keys are generated once per key id for the whole test JVM: RSA generation takes up to a second
 * on a busy machine, and each test starts its own provider (on its own port, so its own issuer).
 */
public final class TestKeys {

    private static final Map<String, JWK> GENERATED = new ConcurrentHashMap<>();

    private final AtomicInteger generation = new AtomicInteger();
    private volatile RSAKey rsa;
    private volatile ECKey ec;

    public TestKeys() {
        rotate();
    }

    /** Generates new keys with new {@code kid}s; the old ones leave the JWKS. */
    public void rotate() {
        int next = generation.incrementAndGet();
        rsa = rsaKey("rsa-" + next);
        ec = ecKey("ec-" + next);
    }

    public RSAKey rsa() {
        return rsa;
    }

    public ECKey ec() {
        return ec;
    }

    /** @return the private key matching a JWS algorithm name */
    public JWK forAlgorithm(String algorithm) {
        return algorithm.startsWith("ES") ? ec : rsa;
    }

    public JWKSet publicJwks() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    public static RSAKey rsaKey(String keyId) {
        return (RSAKey) GENERATED.computeIfAbsent("rsa " + keyId, name -> newRsaKey(keyId));
    }

    public static ECKey ecKey(String keyId) {
        return (ECKey) GENERATED.computeIfAbsent("ec " + keyId, name -> newEcKey(keyId));
    }

    /** @return a key under the same {@code kid} as the provider's, which the provider never published */
    public static JWK impostor(JWK key) {
        String name = "impostor " + key.getKeyID();
        return GENERATED.computeIfAbsent(name, n -> key instanceof ECKey ? newEcKey(key.getKeyID()) : newRsaKey(key.getKeyID()));
    }

    private static RSAKey newRsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey newEcKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
