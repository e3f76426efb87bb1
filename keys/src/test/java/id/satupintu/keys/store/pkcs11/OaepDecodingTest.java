package id.satupintu.keys.store.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EME-OAEP decoding against the JDK's own OAEP encryption, with raw RSA done in software here. */
class OaepDecodingTest {

    private static final byte[] MESSAGE = "satu pintu".getBytes(StandardCharsets.UTF_8);
    private static final OAEPParameterSpec RSA_OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static KeyPair rsa;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        rsa = generator.generateKeyPair();
    }

    private static byte[] encrypt(OAEPParameterSpec spec) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, rsa.getPublic(), spec);
        return cipher.doFinal(MESSAGE);
    }

    private static byte[] rawDecrypt(byte[] ciphertext) throws Exception {
        Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
        raw.init(Cipher.DECRYPT_MODE, rsa.getPrivate());
        byte[] out = raw.doFinal(ciphertext);
        byte[] padded = new byte[256];
        System.arraycopy(out, 0, padded, 256 - out.length, out.length);
        return padded;
    }

    private static byte[] decode(byte[] encoded, String hash, String mgfHash, byte[] label) throws Exception {
        return OaepDecoding.decode(encoded, MessageDigest.getInstance(hash), MessageDigest.getInstance(mgfHash), label);
    }

    @Test
    void decodeWhenJdkEncryptedWithSha256ThenMessage() throws Exception {
        byte[] encoded = rawDecrypt(encrypt(RSA_OAEP_256));

        assertThat(decode(encoded, "SHA-256", "SHA-256", new byte[0])).isEqualTo(MESSAGE);
    }

    @Test
    void decodeWhenJdkEncryptedWithSha1DefaultsThenMessage() throws Exception {
        byte[] encoded = rawDecrypt(encrypt(OAEPParameterSpec.DEFAULT));

        assertThat(decode(encoded, "SHA-1", "SHA-1", new byte[0])).isEqualTo(MESSAGE);
    }

    @Test
    void decodeWhenLabelDiffersThenBadPadding() throws Exception {
        byte[] encoded = rawDecrypt(encrypt(RSA_OAEP_256));

        assertThatThrownBy(() -> decode(encoded, "SHA-256", "SHA-256", new byte[] {1}))
                .isInstanceOf(BadPaddingException.class).hasMessage("decryption error");
    }

    @Test
    void decodeWhenHashDiffersThenBadPadding() throws Exception {
        byte[] encoded = rawDecrypt(encrypt(RSA_OAEP_256));

        assertThatThrownBy(() -> decode(encoded, "SHA-1", "SHA-1", new byte[0])).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void decodeWhenCiphertextTamperedThenBadPadding() throws Exception {
        byte[] ciphertext = encrypt(RSA_OAEP_256);
        ciphertext[100] ^= 1;
        byte[] encoded = rawDecrypt(ciphertext);

        assertThatThrownBy(() -> decode(encoded, "SHA-256", "SHA-256", new byte[0]))
                .isInstanceOf(BadPaddingException.class).hasMessage("decryption error");
    }

    @Test
    void decodeWhenLeadingOctetNotZeroThenBadPadding() throws Exception {
        byte[] encoded = rawDecrypt(encrypt(RSA_OAEP_256));
        encoded[0] = 1;

        assertThatThrownBy(() -> decode(encoded, "SHA-256", "SHA-256", new byte[0])).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void decodeWhenTooShortForTheHashThenBadPadding() {
        assertThatThrownBy(() -> decode(new byte[40], "SHA-256", "SHA-256", new byte[0]))
                .isInstanceOf(BadPaddingException.class);
    }
}
