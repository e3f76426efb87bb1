package id.satupintu.keys.jca;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;

/**
 * Converts a key once into the provider's own key class, so that the provider does not convert it
 * again on every signature. Measured here with ACCP 2.5: RS256 signing with a JDK
 * {@code RSAPrivateCrtKey} costs ~800 µs of CPU, with the same key translated to ACCP's
 * {@code EvpRsaPrivateCrtKey} ~260 µs (ACCP otherwise re-imports the key into AWS-LC each time).
 * Where the provider has no {@code KeyFactory} for the key's algorithm (ACCP 2.5 has none for
 * EdDSA) or refuses the key, the key is used as it is: the provider then converts it per operation,
 * slower but correct.
 */
final class ProviderKeys {

    private ProviderKeys() {
    }

    static PrivateKey translate(PrivateKey key, Provider provider) {
        Key translated = translateKey(key, provider);
        return translated instanceof PrivateKey privateKey ? privateKey : key;
    }

    static PublicKey translate(PublicKey key, Provider provider) {
        Key translated = translateKey(key, provider);
        return translated instanceof PublicKey publicKey ? publicKey : key;
    }

    private static Key translateKey(Key key, Provider provider) {
        if (provider.getService("KeyFactory", key.getAlgorithm()) == null) {
            return key;
        }
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            // never include the key in a message; the untranslated key still works
            return key;
        }
    }
}
