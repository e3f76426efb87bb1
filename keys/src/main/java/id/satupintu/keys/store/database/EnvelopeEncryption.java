package id.satupintu.keys.store.database;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import id.satupintu.keys.KeyStoreFailure;

/**
 * Envelope encryption of private keys, both layers AES-256-GCM (NIST SP 800-38D):
 * <ol>
 * <li>each private key, encoded as PKCS#8 {@code OneAsymmetricKey} (RFC 5958), is encrypted under
 * a fresh random 256-bit data-encryption key (DEK) of its own, with additional authenticated data
 * binding the kid, so a ciphertext copied to another row does not decrypt;</li>
 * <li>the DEK is encrypted (wrapped) under the key-encryption key (KEK), with additional
 * authenticated data binding the kid and the KEK id.</li>
 * </ol>
 * Rotating the KEK re-wraps the 32-byte DEKs only; private key ciphertexts stay as they are.
 * Holds the KEKs this node knows: one current (wraps new DEKs) and any previous ones (unwrap only).
 */
final class EnvelopeEncryption {

    private static final String PRIVATE_KEY_CONTEXT = "satupintu managed_key_secret private key v1";
    private static final String DEK_CONTEXT = "satupintu managed_key_secret data-encryption key v1";

    private volatile KeyEncryptionKey current;
    private volatile Map<String, KeyEncryptionKey> known;

    EnvelopeEncryption(KeyEncryptionKey current, Collection<KeyEncryptionKey> previous) {
        this.current = current;
        this.known = knownKeks(current, previous);
    }

    private static Map<String, KeyEncryptionKey> knownKeks(KeyEncryptionKey current,
                                                           Collection<KeyEncryptionKey> previous) {
        Map<String, KeyEncryptionKey> byId = new LinkedHashMap<>();
        byId.put(current.id(), current);
        for (KeyEncryptionKey kek : previous) {
            KeyEncryptionKey same = byId.putIfAbsent(kek.id(), kek);
            if (same != null && !same.sameAs(kek)) {
                throw new IllegalArgumentException("two different KEKs have the id '" + kek.id() + "'");
            }
        }
        return Map.copyOf(byId);
    }

    KeyEncryptionKey current() {
        return current;
    }

    /** Makes {@code next} the KEK for new keys; the one it replaces stays known for reading. */
    synchronized void adopt(KeyEncryptionKey next) {
        Map<String, KeyEncryptionKey> all = new LinkedHashMap<>(known);
        all.remove(next.id());
        this.known = knownKeks(next, all.values());
        this.current = next;
    }

    /** Encrypts a PKCS#8 private key in a new envelope under the current KEK. */
    SealedPrivateKey seal(String kid, byte[] pkcs8) {
        SecretKey dek = newDek();
        AesGcm.Sealed encrypted = AesGcm.encrypt(dek, pkcs8, privateKeyAad(kid));
        KeyEncryptionKey kek = current;
        return new SealedPrivateKey(kid, kek.id(), wrap(kid, dek, kek), encrypted);
    }

    /**
     * @return the PKCS#8 private key; the caller clears the array after use
     * @throws KeyStoreFailure when the KEK is not configured or does not open the envelope
     */
    byte[] open(SealedPrivateKey sealed) {
        byte[] dek = unwrap(sealed, kekFor(sealed));
        try {
            return AesGcm.decrypt(new SecretKeySpec(dek, "AES"), sealed.encryptedPrivateKey(), privateKeyAad(sealed.kid()));
        } catch (AesGcm.NotAuthentic e) {
            throw new KeyStoreFailure("the private key of '" + sealed.kid()
                    + "' does not decrypt with its data-encryption key: the row was altered or belongs to another kid");
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    /** @return the envelope with its DEK wrapped under {@code next} instead; the private key ciphertext is unchanged */
    SealedPrivateKey rewrap(SealedPrivateKey sealed, KeyEncryptionKey next) {
        KeyEncryptionKey kek = sealed.kekId().equals(next.id()) ? next : kekFor(sealed);
        byte[] dek = unwrap(sealed, kek);
        try {
            return new SealedPrivateKey(sealed.kid(), next.id(), wrap(sealed.kid(), new SecretKeySpec(dek, "AES"), next),
                    sealed.encryptedPrivateKey());
        } finally {
            Arrays.fill(dek, (byte) 0);
        }
    }

    private KeyEncryptionKey kekFor(SealedPrivateKey sealed) {
        KeyEncryptionKey kek = known.get(sealed.kekId());
        if (kek == null) {
            throw new KeyStoreFailure("the key '" + sealed.kid() + "' was wrapped with KEK '" + sealed.kekId()
                    + "', which is not configured (configured: " + String.join(", ", known.keySet()) + ")");
        }
        return kek;
    }

    private static AesGcm.Sealed wrap(String kid, SecretKey dek, KeyEncryptionKey kek) {
        byte[] raw = dek.getEncoded();
        try {
            return AesGcm.encrypt(kek.secretKey(), raw, dekAad(kid, kek.id()));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] unwrap(SealedPrivateKey sealed, KeyEncryptionKey kek) {
        try {
            return AesGcm.decrypt(kek.secretKey(), sealed.wrappedDek(), dekAad(sealed.kid(), sealed.kekId()));
        } catch (AesGcm.NotAuthentic e) {
            throw new KeyStoreFailure("KEK '" + kek.id() + "' does not unwrap the data-encryption key of '"
                    + sealed.kid() + "': the configured KEK with that id is the wrong one, or the row was altered");
        }
    }

    private static SecretKey newDek() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KeyEncryptionKey.KEY_BYTES * 8);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static byte[] privateKeyAad(String kid) {
        return AesGcm.additionalData(PRIVATE_KEY_CONTEXT, kid);
    }

    private static byte[] dekAad(String kid, String kekId) {
        return AesGcm.additionalData(DEK_CONTEXT, kid, kekId);
    }
}
