package id.satupintu.keys.store.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.junit.jupiter.api.Test;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyBackendContract;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.UnsupportedKeyException;

/** The contract on SoftHSM2, plus the HSM's own failure paths. Runs in CI: {@link SoftHsm} installs SoftHSM2. */
class Pkcs11KeyBackendTest extends KeyBackendContract {

    private static final OAEPParameterSpec RSA_OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    @Override
    protected KeyBackend backend() {
        return new Pkcs11KeyBackend(SoftHsm.token().settings());
    }

    @Override
    protected boolean supports(KeyAlgorithm algorithm) {
        return algorithm != KeyAlgorithm.EDDSA;
    }

    @Test
    void idWhenAskedThenPkcs11() {
        assertThat(backend().id()).isEqualTo("pkcs11");
    }

    @Test
    void privateKeyWhenGeneratedInTheTokenThenOnlyAHandleThatCannotBeExtracted() {
        KeyBackend backend = backend();
        backend.generate("hsm-only", KeySpec.of(KeyAlgorithm.RS256));

        PrivateKeyHandle handle = backend.privateKey("hsm-only");

        assertThat(handle.isHardwareBound()).isTrue();
        assertThat(handle.provider().getName()).startsWith("SunPKCS11-SatuPintu");
        assertThat(handle.key().getEncoded()).isNull();
        assertThat(handle.key()).isNotInstanceOf(java.security.interfaces.RSAPrivateCrtKey.class);
    }

    @Test
    void generateWhenKeyMadeThenTheTokenRecordsItAsASensitiveNeverExtractableTokenObject() {
        backend().generate("attributes", KeySpec.of(KeyAlgorithm.PS256));

        assertThat(SoftHsm.privateKeyObjects()).isNotEmpty().allSatisfy(attributes -> assertThat(attributes)
                .containsEntry("CKA_TOKEN", true)
                .containsEntry("CKA_PRIVATE", true)
                .containsEntry("CKA_SENSITIVE", true)
                .containsEntry("CKA_ALWAYS_SENSITIVE", true)
                .containsEntry("CKA_EXTRACTABLE", false)
                .containsEntry("CKA_NEVER_EXTRACTABLE", true)
                .containsEntry("CKA_LOCAL", true));
    }

    @Test
    void privateKeyWhenBackendRecreatedThenTheTokenStillHoldsTheKey() throws Exception {
        PublicKey publicKey = backend().generate("survives", KeySpec.of(KeyAlgorithm.ES256));

        PrivateKeyHandle handle = new Pkcs11KeyBackend(SoftHsm.token().settings()).privateKey("survives");

        byte[] message = "satu pintu".getBytes(StandardCharsets.UTF_8);
        Signature signer = signature(KeyAlgorithm.ES256, handle.provider());
        signer.initSign(handle.key());
        signer.update(message);
        Signature verifier = signature(KeyAlgorithm.ES256, null);
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void destroyWhenBackendRecreatedThenKeyGoneFromTheToken() {
        backend().generate("destroyed", KeySpec.of(KeyAlgorithm.ES256));

        backend().destroy("destroyed");

        assertThatThrownBy(() -> backend().privateKey("destroyed")).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("destroyed");
    }

    @Test
    void decryptWhenCiphertextTamperedThenBadPaddingAndNoPlaintext() throws Exception {
        KeyBackend backend = backend();
        PublicKey publicKey = backend.generate("oaep-tampered", KeySpec.of(KeyAlgorithm.RSA_OAEP_256));
        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, publicKey, RSA_OAEP_256);
        byte[] ciphertext = encrypt.doFinal("secret".getBytes(StandardCharsets.UTF_8));
        ciphertext[7] ^= 0x40;

        PrivateKeyHandle handle = backend.privateKey("oaep-tampered");
        Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPPadding", handle.provider());
        decrypt.init(Cipher.DECRYPT_MODE, handle.key(), RSA_OAEP_256);

        assertThatThrownBy(() -> decrypt.doFinal(ciphertext)).isInstanceOf(BadPaddingException.class);
    }

    @Test
    void decryptWhenNoParametersGivenThenSameDefaultsAsTheJdk() throws Exception {
        KeyBackend backend = backend();
        PublicKey publicKey = backend.generate("oaep-defaults", KeySpec.of(KeyAlgorithm.RSA_OAEP_256));
        PrivateKeyHandle handle = backend.privateKey("oaep-defaults");
        byte[] message = "satu pintu".getBytes(StandardCharsets.UTF_8);

        for (String transformation : new String[] {"RSA/ECB/OAEPPadding", "RSA/ECB/OAEPWithSHA-256AndMGF1Padding",
                "RSA/ECB/OAEPWithSHA-1AndMGF1Padding"}) {
            Cipher encrypt = Cipher.getInstance(transformation);
            encrypt.init(Cipher.ENCRYPT_MODE, publicKey);
            byte[] ciphertext = encrypt.doFinal(message);
            Cipher decrypt = Cipher.getInstance(transformation, handle.provider());
            decrypt.init(Cipher.DECRYPT_MODE, handle.key());
            assertThat(decrypt.doFinal(ciphertext)).as(transformation).isEqualTo(message);
        }
    }

    @Test
    void encryptWhenThroughTheHsmProviderThenSoftwareKeyOfTheSamePairDecrypts() throws Exception {
        KeyBackend backend = backend();
        PublicKey publicKey = backend.generate("oaep-encrypt", KeySpec.of(KeyAlgorithm.RSA_OAEP_256));
        PrivateKeyHandle handle = backend.privateKey("oaep-encrypt");
        Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding", handle.provider());
        encrypt.init(Cipher.ENCRYPT_MODE, publicKey, RSA_OAEP_256);
        byte[] ciphertext = encrypt.doFinal("satu pintu".getBytes(StandardCharsets.UTF_8));

        Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPPadding", handle.provider());
        decrypt.init(Cipher.DECRYPT_MODE, handle.key(), RSA_OAEP_256);
        assertThat(new String(decrypt.doFinal(ciphertext), StandardCharsets.UTF_8)).isEqualTo("satu pintu");
    }

    @Test
    void destroyWhenKeyExistsThenThePrivateKeyObjectIsErasedFromTheToken() {
        KeyBackend backend = backend();
        int before = SoftHsm.privateKeyObjects().size();
        backend.generate("erased", KeySpec.of(KeyAlgorithm.RS256));
        assertThat(SoftHsm.privateKeyObjects()).hasSize(before + 1);

        backend.destroy("erased");

        assertThat(SoftHsm.privateKeyObjects()).hasSize(before);
    }

    @Test
    void generateWhenEd25519ThenUnsupportedWithAReason() {
        assertThatThrownBy(() -> backend().generate("ed", KeySpec.of(KeyAlgorithm.EDDSA)))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("Ed25519");
    }

    @Test
    void constructorWhenWrongPinThenClearFailureWithoutThePin() {
        SoftHsm.Token token = SoftHsm.neverLoggedInToken();

        assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.bySlot(token.library(), token.slot(),
                "not-the-pin".toCharArray())))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("wrong PIN for PKCS#11 slot " + token.slot())
                .hasMessageNotContaining("not-the-pin");
    }

    @Test
    void constructorWhenSlotMissingThenFailureListsTheAvailableSlots() {
        SoftHsm.Token token = SoftHsm.token();

        assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.bySlot(token.library(), 5, token.pin())))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("no PKCS#11 slot 5")
                .hasMessageContaining("available: ")
                .hasMessageContaining(token.slot() + " (label '" + SoftHsm.LABEL + "')")
                .hasMessageContaining("(token not initialised)");
    }

    @Test
    void constructorWhenTokenLabelGivenThenFindsItsSlot() {
        SoftHsm.Token token = SoftHsm.token();
        Pkcs11KeyBackend backend = new Pkcs11KeyBackend(Pkcs11Settings.byTokenLabel(token.library(), SoftHsm.LABEL,
                token.pin()));

        backend.generate("by-label", KeySpec.of(KeyAlgorithm.ES256));

        assertThat(new Pkcs11KeyBackend(token.settings()).privateKey("by-label").isHardwareBound()).isTrue();
    }

    @Test
    void constructorWhenTokenLabelUnknownThenFailureNamesItAndTheAvailableOnes() {
        SoftHsm.Token token = SoftHsm.token();

        assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.byTokenLabel(token.library(), "no-such-token",
                token.pin())))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("no PKCS#11 token 'no-such-token'")
                .hasMessageContaining("label '" + SoftHsm.LABEL + "'");
    }

    @Test
    void constructorWhenLibraryMissingThenFailureNamesIt() {
        Path missing = Path.of("/nonexistent/libvendor-pkcs11.so");

        assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.bySlot(missing, 0, "1234".toCharArray())))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("PKCS#11 library " + missing + " not found");
    }

    @Test
    void constructorWhenLibraryIsNotAPkcs11LibraryThenFailureNamesIt() throws Exception {
        Path notALibrary = java.nio.file.Files.createTempFile("not-pkcs11", ".so");
        try {
            assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.bySlot(notALibrary, 0, "1234".toCharArray())))
                    .isInstanceOf(KeyStoreFailure.class)
                    .hasMessageContaining("cannot open PKCS#11 slot 0 with library " + notALibrary)
                    .hasMessageNotContaining("1234");
        } finally {
            java.nio.file.Files.deleteIfExists(notALibrary);
        }
    }

    @Test
    void backendWhenUsedFromManyThreadsThenEveryKeyGeneratedAndSigns() throws Exception {
        KeyBackend backend = backend();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String kid = "threads-" + i;
                results.add(pool.submit(() -> {
                    PublicKey publicKey = backend.generate(kid, KeySpec.of(KeyAlgorithm.ES256));
                    PrivateKeyHandle handle = backend.privateKey(kid);
                    byte[] message = kid.getBytes(StandardCharsets.UTF_8);
                    Signature signer = signature(KeyAlgorithm.ES256, handle.provider());
                    signer.initSign(handle.key());
                    signer.update(message);
                    Signature verifier = signature(KeyAlgorithm.ES256, null);
                    verifier.initVerify(publicKey);
                    verifier.update(message);
                    return verifier.verify(signer.sign());
                }));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void settingsWhenPrintedThenPinHidden() {
        assertThat(SoftHsm.token().settings().toString()).doesNotContain(new String(SoftHsm.token().pin()))
                .contains("pin=****");
    }
}
