package id.satupintu.keys.store.database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM as NIST SP 800-38D defines it, used one way only: a fresh random 96-bit nonce per
 * encryption (§8.2.2, the random-bit construction) and a 128-bit tag. Each data-encryption key
 * encrypts one private key and each KEK wraps one DEK per managed key, far below the 2^32
 * invocations §8.3 allows per key with random nonces.
 */
final class AesGcm {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A GCM output: the nonce and the ciphertext with the tag appended. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /** The ciphertext did not authenticate: wrong key, wrong additional data, altered ciphertext or nonce. */
    static final class NotAuthentic extends Exception {
        private static final long serialVersionUID = 1L;

        NotAuthentic() {
            super("the AES-GCM ciphertext did not authenticate");
        }
    }

    private AesGcm() {
    }

    static Sealed encrypt(SecretKey key, byte[] plaintext, byte[] additionalData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] decrypt(SecretKey key, Sealed sealed, byte[] additionalData) throws NotAuthentic {
        if (sealed.nonce() == null || sealed.nonce().length != NONCE_BYTES || sealed.ciphertext() == null) {
            throw new NotAuthentic();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new NotAuthentic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Additional authenticated data made of several strings, each prefixed by its UTF-8 length, so
     * no two different lists give the same bytes (a kid cannot borrow characters of a KEK id).
     */
    static byte[] additionalData(String... parts) {
        byte[][] encoded = new byte[parts.length][];
        int length = 0;
        for (int i = 0; i < parts.length; i++) {
            encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
            length += 4 + encoded[i].length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : encoded) {
            buffer.putInt(part.length).put(part);
        }
        return buffer.array();
    }
}
