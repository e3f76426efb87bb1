package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import org.junit.jupiter.api.Test;

/** SAML rings as the server keeps them: maintained with the OIDC ring, certified at once, never in the JWKS. */
class SamlCredentialsTest {

    private final TestKeyRings keys = new TestKeyRings();
    private final SamlCredentials saml = new SamlCredentials(keys.cache);
    private final KeyRingChanges changes = new KeyRingChanges(keys.manager, keys.cache, KeyChangeNotifier.SINGLE_NODE,
            keys.audit, new SamlCertificateIssuer(keys.manager, keys.store, "https://id.satupintu.example/",
                    TestKeyRings.POLICY, keys.clock));

    private ScheduledKeyMaintenance maintenance(boolean samlEnabled) {
        KeysProperties properties = new KeysProperties(null, Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(1),
                List.of("RS256", "PS256", "ES256"), Duration.ofMinutes(1), Duration.ofSeconds(5),
                samlEnabled, "RS256", 3072, 3072, List.of());
        Map<KeyPurpose, List<KeySpec>> wanted = new java.util.EnumMap<>(TestKeyRings.WANTED);
        wanted.putAll(properties.samlKeySpecs());
        return new ScheduledKeyMaintenance(keys.manager, samlEnabled ? changes : keys.changes, new LocalMaintenanceLock(),
                wanted, TestKeyRings.POLICY, Duration.ofMinutes(1));
    }

    @Test
    void maintenanceWhenSamlEnabledThenActiveSamlKeysWithSelfSignedCertificatesOfTheirPublicKey() throws Exception {
        maintenance(true).runOnce();

        for (KeyPurpose purpose : List.of(KeyPurpose.SAML_SIGNING, KeyPurpose.SAML_ENCRYPTION)) {
            List<ManagedKey> ring = keys.store.all().stream().filter(k -> k.purpose() == purpose).toList();
            assertThat(ring).singleElement().satisfies(key -> {
                assertThat(key.state()).isEqualTo(KeyState.ACTIVE);
                assertThat(key.spec().size()).isEqualTo(3072);
                assertThat(key.certificateChain()).hasSize(1);
                var certificate = key.certificateChain().get(0);
                assertThat(certificate.getPublicKey()).isEqualTo(key.publicKey());
                certificate.verify(key.publicKey());
                certificate.checkValidity(java.util.Date.from(keys.clock.instant()));
                assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=id.satupintu.example SAML")
                        .contains("O=SatuPintu");
                assertThat(certificate.getNotAfter().toInstant()).isAfter(keys.clock.instant()
                        .plus(TestKeyRings.POLICY.activeLifetime()).plus(TestKeyRings.POLICY.retiredLifetime()));
            });
        }
        assertThat(keys.store.all().stream().filter(k -> k.purpose() == KeyPurpose.SAML_SIGNING).findFirst().orElseThrow()
                .spec().algorithm()).isEqualTo(KeyAlgorithm.RS256);
        assertThat(keys.audit.recent("keys.certificate_issued", 10)).hasSize(2);
    }

    @Test
    void samlCredentialsWhenMaintainedThenSigningKeySignsAndEncryptionKeyDecrypts() throws Exception {
        maintenance(true).runOnce();

        SamlCredentials.Credential signing = saml.signing().orElseThrow();
        assertThat(saml.publishedSigningCertificates()).containsExactly(signing.certificate());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signing.privateKey().key());
        byte[] signedInfo = "<ds:SignedInfo/>".getBytes(StandardCharsets.UTF_8);
        signer.update(signedInfo);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(signing.certificate().getPublicKey());
        verifier.update(signedInfo);
        assertThat(verifier.verify(signature)).isTrue();

        assertThat(saml.decryptionKeys()).singleElement().satisfies(decryption -> {
            assertThat(saml.publishedEncryptionCertificates()).containsExactly(decryption.certificate());
            OAEPParameterSpec oaep = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                    PSource.PSpecified.DEFAULT);
            Cipher encrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
            encrypt.init(Cipher.ENCRYPT_MODE, decryption.certificate().getPublicKey(), oaep);
            byte[] wrapped = encrypt.doFinal("an AES session key".getBytes(StandardCharsets.UTF_8));
            Cipher decrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
            decrypt.init(Cipher.DECRYPT_MODE, decryption.privateKey().key(), oaep);
            assertThat(new String(decrypt.doFinal(wrapped), StandardCharsets.UTF_8)).isEqualTo("an AES session key");
        });
    }

    @Test
    void jwksWhenSamlKeysExistThenOnlyOidcSigningKeys() {
        maintenance(true).runOnce();

        List<String> samlKids = keys.store.all().stream().filter(k -> k.purpose() != KeyPurpose.OIDC_SIGNING)
                .map(ManagedKey::kid).toList();
        assertThat(samlKids).hasSize(2);
        assertThat(keys.cache.current().published().getKeys()).hasSize(2)
                .noneMatch(jwk -> samlKids.contains(jwk.getKeyID()));
        assertThat(keys.cache.current().signing().getKeys()).noneMatch(jwk -> samlKids.contains(jwk.getKeyID()));
    }

    @Test
    void encryptionKeyWhenRotatedByAdministratorThenCertifiedAtOnceAndRetiredKeyStillDecryptsAndBothCertificatesPublished() {
        maintenance(true).runOnce();
        String first = saml.decryptionKeys().get(0).kid();

        // as POST /admin/keys/rotate does it: the new key is certified within the same change
        changes.apply("ops", null, () -> keys.manager.rotate(KeyPurpose.SAML_ENCRYPTION,
                new KeySpec(KeyAlgorithm.RSA_OAEP_256, 2048), true));

        assertThat(saml.decryptionKeys()).hasSize(2);
        assertThat(saml.decryptionKeys().get(0).kid()).isNotEqualTo(first);
        assertThat(saml.decryptionKeys().get(1).kid()).isEqualTo(first);
        assertThat(saml.publishedEncryptionCertificates()).hasSize(2);
    }

    @Test
    void maintenanceWhenSamlDisabledThenNoSamlKeys() {
        maintenance(false).runOnce();

        assertThat(keys.store.all()).allMatch(k -> k.purpose() == KeyPurpose.OIDC_SIGNING).hasSize(2);
        assertThat(saml.signing()).isEmpty();
        assertThat(saml.decryptionKeys()).isEmpty();
        assertThat(saml.publishedSigningCertificates()).isEmpty();
    }
}
