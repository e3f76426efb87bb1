package id.satupintu.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.spec.MGF1ParameterSpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyBackend} must do. Each implementation's test class extends this and
 * supplies a fresh back end; {@link #supports} lets a back end that cannot make a kind of key
 * (for example an HSM without Ed25519) say so, and then it must refuse it with
 * {@link UnsupportedKeyException}.
 */
public abstract class KeyBackendContract {

    private static final byte[] MESSAGE = "satu pintu".getBytes(StandardCharsets.UTF_8);

    /** @return the back end under test; called once per test */
    protected abstract KeyBackend backend();

    /** @return whether this back end can generate keys of {@code algorithm} */
    protected boolean supports(KeyAlgorithm algorithm) {
        return true;
    }

    private static String kid() {
        return "contract-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void generateWhenSigningAlgorithmThenPrivateKeySignsWhatPublicKeyVerifies(KeyAlgorithm algorithm) throws Exception {
        KeyBackend backend = backend();
        String kid = kid();
        if (!supports(algorithm)) {
            assertThatThrownBy(() -> backend.generate(kid, KeySpec.of(algorithm))).isInstanceOf(UnsupportedKeyException.class);
            return;
        }
        PublicKey publicKey = backend.generate(kid, KeySpec.of(algorithm));
        PrivateKeyHandle handle = backend.privateKey(kid);

        Signature signer = signature(algorithm, handle.provider());
        signer.initSign(handle.key());
        signer.update(MESSAGE);
        byte[] signed = signer.sign();

        Signature verifier = signature(algorithm, null);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signed)).isTrue();
    }

    @Test
    void generateWhenRsa3072ThenKeyHasThatSize() {
        KeyBackend backend = backend();
        PublicKey publicKey = backend.generate(kid(), new KeySpec(KeyAlgorithm.RS256, 3072));

        assertThat(((java.security.interfaces.RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void generateWhenEncryptionKeyThenPrivateKeyDecryptsWhatPublicKeyEncrypted() throws Exception {
        KeyBackend backend = backend();
        String kid = kid();
        PublicKey publicKey = backend.generate(kid, KeySpec.of(KeyAlgorithm.RSA_OAEP_256));
        OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, publicKey, oaep);
        byte[] encrypted = encrypt.doFinal(MESSAGE);

        PrivateKeyHandle handle = backend.privateKey(kid);
        Cipher decrypt = handle.provider() == null ? Cipher.getInstance("RSA/ECB/OAEPPadding")
                : Cipher.getInstance("RSA/ECB/OAEPPadding", handle.provider());
        decrypt.init(Cipher.DECRYPT_MODE, handle.key(), oaep);
        assertThat(decrypt.doFinal(encrypted)).isEqualTo(MESSAGE);
    }

    @Test
    void privateKeyWhenUnknownKidThenKeyStoreFailureNamingIt() {
        assertThatThrownBy(() -> backend().privateKey("no-such-kid")).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("no-such-kid");
    }

    @Test
    void destroyWhenKeyExistsThenGoneAndRepeatable() {
        KeyBackend backend = backend();
        String kid = kid();
        backend.generate(kid, KeySpec.of(KeyAlgorithm.ES256));

        backend.destroy(kid);
        backend.destroy(kid);

        assertThatThrownBy(() -> backend.privateKey(kid)).isInstanceOf(KeyStoreFailure.class);
    }

    @Test
    void generateWhenKidTakenThenRefusedAndOriginalKept() throws Exception {
        KeyBackend backend = backend();
        String kid = kid();
        PublicKey original = backend.generate(kid, KeySpec.of(KeyAlgorithm.ES256));

        assertThatThrownBy(() -> backend.generate(kid, KeySpec.of(KeyAlgorithm.ES256))).isInstanceOf(KeyStoreFailure.class);

        PrivateKeyHandle handle = backend.privateKey(kid);
        Signature signer = signature(KeyAlgorithm.ES256, handle.provider());
        signer.initSign(handle.key());
        signer.update(MESSAGE);
        Signature verifier = signature(KeyAlgorithm.ES256, null);
        verifier.initVerify(original);
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    /** JCA signature for an algorithm, on the given provider or the default one. */
    protected static Signature signature(KeyAlgorithm algorithm, java.security.Provider provider)
            throws GeneralSecurityException {
        String name = switch (algorithm) {
            case RS256 -> "SHA256withRSA";
            case PS256 -> "RSASSA-PSS";
            case ES256 -> "SHA256withECDSA";
            case EDDSA -> "Ed25519";
            default -> throw new IllegalArgumentException(algorithm + " does not sign");
        };
        Signature signature = provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
        if (algorithm == KeyAlgorithm.PS256) {
            signature.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        return signature;
    }
}
