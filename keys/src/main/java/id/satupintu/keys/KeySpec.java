package id.satupintu.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

/** An algorithm and key size, checked against what the algorithm allows. */
public record KeySpec(KeyAlgorithm algorithm, int size) {

    public KeySpec {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!algorithm.sizes().contains(size)) {
            throw new UnsupportedKeyException(algorithm.joseName() + " keys are " + algorithm.sizes() + " bits, not " + size);
        }
    }

    public static KeySpec of(KeyAlgorithm algorithm) {
        return new KeySpec(algorithm, algorithm.defaultSize());
    }

    /**
     * Generates a key pair of this spec in software with the JDK's providers (RSA, ECDSA P-256,
     * Ed25519); back ends that keep software keys store it, tests and benchmarks use it directly.
     */
    public KeyPair newSoftwareKeyPair() {
        try {
            KeyPairGenerator generator = switch (algorithm.family()) {
                case RSA -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(size);
                    yield g;
                }
                case EC -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g;
                }
                case OKP -> KeyPairGenerator.getInstance("Ed25519");
            };
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot generate a " + algorithm.joseName() + " key pair", e);
        }
    }
}
