package id.satupintu.keys;

import java.security.PrivateKey;
import java.security.Provider;
import java.util.Objects;

/**
 * A private key as a signer uses it: the JCA key object and the provider that must operate it.
 * For software keys the provider is null and the signer picks the fastest available one; for an
 * HSM the key object is only a handle and the provider is the PKCS#11 provider of that token.
 */
public record PrivateKeyHandle(PrivateKey key, Provider provider) {

    public PrivateKeyHandle {
        Objects.requireNonNull(key, "key");
    }

    public static PrivateKeyHandle software(PrivateKey key) {
        return new PrivateKeyHandle(key, null);
    }

    /** @return whether the key lives in hardware and must be used through {@link #provider()} */
    public boolean isHardwareBound() {
        return provider != null;
    }

    @Override
    public String toString() {
        return "PrivateKeyHandle[" + key.getAlgorithm() + (provider == null ? "" : ", " + provider.getName()) + "]";
    }
}
