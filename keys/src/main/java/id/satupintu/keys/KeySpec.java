package id.satupintu.keys;

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
}
