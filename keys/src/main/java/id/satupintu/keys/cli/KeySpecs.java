package id.satupintu.keys.cli;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeySpec;

/** A key spec from {@code --alg} and an optional {@code --size}. */
final class KeySpecs {

    private KeySpecs() {
    }

    /** @throws id.satupintu.keys.UnsupportedKeyException naming the sizes the algorithm allows */
    static KeySpec of(KeyAlgorithm algorithm, Integer size) {
        return size == null ? KeySpec.of(algorithm) : new KeySpec(algorithm, size);
    }
}
