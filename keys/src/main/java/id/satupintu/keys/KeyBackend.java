package id.satupintu.keys;

import java.security.PublicKey;

/**
 * Holds private keys: the database (envelope-encrypted), a PKCS#12 file, or a PKCS#11 HSM. Every
 * implementation passes the one contract test. The life-cycle state of keys is not kept here
 * but in the {@link KeyRingStore}, so one ring can hold keys of several back ends.
 */
public interface KeyBackend {

    /** @return a stable name recorded with every key this back end holds, e.g. {@code database}, {@code pkcs12}, {@code pkcs11} */
    String id();

    /**
     * Generates a key pair and keeps the private key under {@code kid}. An HSM generates it inside
     * the token (non-extractable); software back ends generate it with the JCA and store it.
     *
     * @return the public key
     * @throws UnsupportedKeyException when this back end cannot make keys of {@code spec}
     * @throws KeyStoreFailure when the key cannot be generated or stored
     */
    PublicKey generate(String kid, KeySpec spec);

    /**
     * @return the private key for signing or decryption
     * @throws KeyStoreFailure when there is no such key or it cannot be read (wrong password, missing slot, ...)
     */
    PrivateKeyHandle privateKey(String kid);

    /** Erases the private key; erasing an absent key is not an error (destruction is repeatable). */
    void destroy(String kid);
}
