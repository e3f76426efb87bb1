package id.satupintu.keys.jca;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

/** Software keys made by the JDK, one per algorithm, generated once per test run (RSA takes time). */
final class TestSigningKeys {

    /** A managed key with its private key. */
    record TestSigningKey(ManagedKey key, PrivateKeyHandle handle, KeyPair pair) {
    }

    private static final Map<KeyAlgorithm, TestSigningKey> KEYS = new ConcurrentHashMap<>();

    private TestSigningKeys() {
    }

    static TestSigningKey of(KeyAlgorithm algorithm) {
        return KEYS.computeIfAbsent(algorithm, TestSigningKeys::generate);
    }

    static TestSigningKey generate(KeyAlgorithm algorithm) {
        KeyPair pair = pair(algorithm);
        ManagedKey key = ManagedKey.generated("test-" + algorithm.joseName().toLowerCase(), purposeFor(algorithm),
                KeySpec.of(algorithm), "test", pair.getPublic(), Instant.parse("2026-01-01T00:00:00Z"));
        return new TestSigningKey(key, PrivateKeyHandle.software(pair.getPrivate()), pair);
    }

    static KeyPair pair(KeyAlgorithm algorithm) {
        return KeySpec.of(algorithm).newSoftwareKeyPair();
    }

    private static KeyPurpose purposeFor(KeyAlgorithm algorithm) {
        return algorithm.use() == KeyAlgorithm.KeyUse.SIGNATURE ? KeyPurpose.OIDC_SIGNING : KeyPurpose.SAML_ENCRYPTION;
    }
}
