package id.satupintu.keys.store.pkcs11;

import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.BadPaddingException;

/**
 * EME-OAEP decoding (RFC 8017 §7.1.2, steps 3a–3g) of an encoded message that raw RSA decryption
 * produced inside the token. Every check runs to the end before one generic failure is raised, so
 * the failure neither says nor times which check failed (RFC 8017 §7.1.2 note on Manger's attack).
 */
final class OaepDecoding {

    private OaepDecoding() {
    }

    /**
     * @param encoded the k-octet encoded message {@code EM = 0x00 || maskedSeed || maskedDB}
     * @return the message
     */
    static byte[] decode(byte[] encoded, MessageDigest hash, MessageDigest mgf1Hash, byte[] label)
            throws BadPaddingException {
        int hLen = hash.getDigestLength();
        int k = encoded.length;
        if (k < 2 * hLen + 2) {
            throw new BadPaddingException("decryption error");
        }
        hash.reset();
        byte[] labelHash = hash.digest(label);
        byte[] maskedSeed = Arrays.copyOfRange(encoded, 1, 1 + hLen);
        byte[] db = Arrays.copyOfRange(encoded, 1 + hLen, k);
        byte[] seed = xor(maskedSeed, mgf1(db, hLen, mgf1Hash));
        byte[] dbMask = mgf1(seed, db.length, mgf1Hash);
        for (int i = 0; i < db.length; i++) {
            db[i] ^= dbMask[i];
        }

        int bad = encoded[0] & 0xff;
        bad |= MessageDigest.isEqual(labelHash, Arrays.copyOfRange(db, 0, hLen)) ? 0 : 1;
        int lookingForOne = 1;
        int separator = 0;
        for (int i = hLen; i < db.length; i++) {
            int value = db[i] & 0xff;
            int isOne = isZero(value ^ 1);
            int isZero = isZero(value);
            separator |= i & -(lookingForOne & isOne);
            bad |= lookingForOne & (1 - isOne) & (1 - isZero);
            lookingForOne &= 1 - isOne;
        }
        bad |= lookingForOne;
        if (bad != 0) {
            throw new BadPaddingException("decryption error");
        }
        return Arrays.copyOfRange(db, separator + 1, db.length);
    }

    /** @return 1 when {@code value} (0..255) is zero, else 0, without branching */
    private static int isZero(int value) {
        return ((value - 1) >>> 31) & 1;
    }

    /** MGF1 (RFC 8017 Appendix B.2.1). */
    static byte[] mgf1(byte[] seed, int length, MessageDigest digest) {
        byte[] mask = new byte[length];
        byte[] counter = new byte[4];
        int offset = 0;
        for (int c = 0; offset < length; c++) {
            counter[0] = (byte) (c >>> 24);
            counter[1] = (byte) (c >>> 16);
            counter[2] = (byte) (c >>> 8);
            counter[3] = (byte) c;
            digest.reset();
            digest.update(seed);
            digest.update(counter);
            byte[] block = digest.digest();
            int n = Math.min(block.length, length - offset);
            System.arraycopy(block, 0, mask, offset, n);
            offset += n;
        }
        return mask;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
