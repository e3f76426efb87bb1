package id.satupintu.keys.store.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
    void privateKeyWhenAskedAgainThenTheSameHandleWithoutSearchingTheToken() {
        KeyBackend backend = backend();
        backend.generate("cached", KeySpec.of(KeyAlgorithm.ES256));

        assertThat(backend.privateKey("cached")).isSameAs(backend.privateKey("cached"));

        backend.destroy("cached");
        assertThatThrownBy(() -> backend.privateKey("cached")).isInstanceOf(KeyStoreFailure.class);
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

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256"})
    void signWhenNimbusSignsAJwsWithTheHsmHandleThenThePublicKeyVerifiesIt(KeyAlgorithm algorithm) throws Exception {
        KeyBackend backend = backend();
        String kid = "jws-" + algorithm;
        PublicKey publicKey = backend.generate(kid, KeySpec.of(algorithm));
        PrivateKeyHandle handle = backend.privateKey(kid);
        JWSSigner signer = algorithm == KeyAlgorithm.ES256
                ? new ECDSASigner(handle.key(), Curve.P_256)
                : new RSASSASigner(handle.key());
        signer.getJCAContext().setProvider(handle.provider());
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.joseName())).keyID(kid)
                        .build(), new Payload("satu pintu"));

        jws.sign(signer);

        JWSObject parsed = JWSObject.parse(jws.serialize());
        assertThat(parsed.verify(new DefaultJWSVerifierFactory()
                .createJWSVerifier(parsed.getHeader(), publicKey))).isTrue();
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
        Path notALibrary = Files.createTempFile("not-pkcs11", ".so");
        try {
            assertThatThrownBy(() -> new Pkcs11KeyBackend(Pkcs11Settings.bySlot(notALibrary, 0, "1234".toCharArray())))
                    .isInstanceOf(KeyStoreFailure.class)
                    .hasMessageContaining("cannot open PKCS#11 slot 0 with library " + notALibrary)
                    .hasMessageNotContaining("1234");
        } finally {
            Files.deleteIfExists(notALibrary);
        }
    }

    @Test
    void backendWhenUsedFromManyThreadsThenEveryKeyGeneratedAndSigns() throws Exception {
        KeyBackend backend = backend();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
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
            for (Future<Boolean> result : results) {
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
