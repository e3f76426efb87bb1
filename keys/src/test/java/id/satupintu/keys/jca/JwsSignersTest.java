package id.satupintu.keys.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.UnsupportedKeyException;
import id.satupintu.keys.jca.TestSigningKeys.TestSigningKey;

class JwsSignersTest {

    private static final SignatureProviders ACCP = SignatureProviders.detect("true");
    private static final JwsSigners ON_ACCP = new JwsSigners(ACCP);
    private static final JwsSigners ON_JDK = new JwsSigners(SignatureProviders.jdkOnly());
    private static final String PAYLOAD = "{\"sub\":\"pairwise-subject\",\"aud\":\"demo-portal\"}";

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void signWhenSignedOnAccpThenJdkAndNimbusDefaultVerify(KeyAlgorithm algorithm) throws Exception {
        assumeAccpLoads();
        TestSigningKey key = TestSigningKeys.of(algorithm);
        JWSSigner signer = ON_ACCP.signerFor(key.key(), key.handle());
        assertThat(signer.getJCAContext().getProvider()).isSameAs(ACCP.nativeProvider().orElseThrow());

        JWSObject jws = JWSObject.parse(sign(signer, algorithm));

        assertThat(jws.verify(ON_JDK.verifierFor(key.key()))).isTrue();
        assertThat(jws.verify(nimbusDefaultVerifier(algorithm, key.pair().getPublic()))).isTrue();
        assertThat(plainJdkVerifies(algorithm, key.pair().getPublic(), jws)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void verifyWhenSignedOnJdkThenAccpVerifies(KeyAlgorithm algorithm) throws Exception {
        assumeAccpLoads();
        TestSigningKey key = TestSigningKeys.of(algorithm);
        JWSSigner signer = ON_JDK.signerFor(key.key(), key.handle());
        JWSVerifier verifier = ON_ACCP.verifierFor(key.key());
        assertThat(verifier.getJCAContext().getProvider()).isSameAs(ACCP.nativeProvider().orElseThrow());

        JWSObject jws = JWSObject.parse(sign(signer, algorithm));

        assertThat(jws.verify(verifier)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void signWhenAccpSwitchedOffThenJdkSignsAndVerifies(KeyAlgorithm algorithm) throws Exception {
        TestSigningKey key = TestSigningKeys.of(algorithm);
        JWSSigner signer = ON_JDK.signerFor(key.key(), key.handle());
        assertThat(signer.getJCAContext().getProvider()).isSameAs(SignatureProviders.jdkDefault(algorithm));

        JWSObject jws = JWSObject.parse(sign(signer, algorithm));

        assertThat(jws.verify(ON_JDK.verifierFor(key.key()))).isTrue();
        assertThat(jws.verify(nimbusDefaultVerifier(algorithm, key.pair().getPublic()))).isTrue();
        assertThat(plainJdkVerifies(algorithm, key.pair().getPublic(), jws)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void verifyWhenPayloadTamperedThenFalseOnBothProviders(KeyAlgorithm algorithm) throws Exception {
        TestSigningKey key = TestSigningKeys.of(algorithm);
        String[] parts = sign(ON_ACCP.signerFor(key.key(), key.handle()), algorithm).split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(PAYLOAD.replace("demo-portal", "evil-portal")) + "." + parts[2];

        assertThat(JWSObject.parse(tampered).verify(ON_ACCP.verifierFor(key.key()))).isFalse();
        assertThat(JWSObject.parse(tampered).verify(ON_JDK.verifierFor(key.key()))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"ES256", "EDDSA"})
    void verifyWhenSignatureIsAllZeroBytesThenFalseOnBothProviders(KeyAlgorithm algorithm) throws Exception {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 was accepted by JDK 15-18 ECDSA
        TestSigningKey key = TestSigningKeys.of(algorithm);
        JWSHeader header = new JWSHeader(JwsSigners.jws(algorithm));
        Base64URL zeros = Base64URL.encode(new byte[64]);

        for (JwsSigners signers : new JwsSigners[] {ON_ACCP, ON_JDK}) {
            assertThat(signers.verifierFor(key.key()).verify(header, new byte[] {1, 2, 3}, zeros)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
    void signWhenHandleIsHardwareBoundThenItsProviderSigns(KeyAlgorithm algorithm) throws Exception {
        TestSigningKey key = TestSigningKeys.of(algorithm);
        RecordingProvider hardware = new RecordingProvider(JcaSignatureNames.of(algorithm));
        PrivateKeyHandle bound = new PrivateKeyHandle(key.handle().key(), hardware);

        JWSSigner signer = ON_ACCP.signerFor(key.key(), bound);
        JWSObject jws = JWSObject.parse(sign(signer, algorithm));

        assertThat(signer.getJCAContext().getProvider()).isSameAs(hardware);
        assertThat(hardware.signaturesMade()).isEqualTo(1);
        assertThat(jws.verify(ON_JDK.verifierFor(key.key()))).isTrue();
    }

    @Test
    void signWhenEs256ThenSignatureIsJoseConcatenationNotDer() throws Exception {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.ES256);
        for (JwsSigners signers : new JwsSigners[] {ON_ACCP, ON_JDK}) {
            JWSObject jws = JWSObject.parse(sign(signers.signerFor(key.key(), key.handle()), KeyAlgorithm.ES256));
            // RFC 7518 §3.4: 32-byte R then 32-byte S; DER would start with 0x30 and be 70-72 bytes
            assertThat(jws.getSignature().decode()).hasSize(64);
        }
    }

    @Test
    void signWhenHeaderNamesAnotherAlgorithmThenRefused() {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.RS256);
        JWSSigner signer = ON_ACCP.signerFor(key.key(), key.handle());

        assertThat(signer.supportedJWSAlgorithms()).containsExactly(JWSAlgorithm.RS256);
        JWSObject ps256 = new JWSObject(new JWSHeader(JWSAlgorithm.PS256), new Payload(PAYLOAD));
        assertThatThrownBy(() -> ps256.sign(signer)).isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> signer.sign(new JWSHeader(JWSAlgorithm.PS256), new byte[] {1}))
                .isInstanceOf(JOSEException.class).hasMessageContaining("RS256");
    }

    @Test
    void verifyWhenHeaderNamesAnotherAlgorithmThenRefused() throws Exception {
        TestSigningKey rs = TestSigningKeys.of(KeyAlgorithm.RS256);
        TestSigningKey ps = TestSigningKeys.of(KeyAlgorithm.PS256);
        JWSObject signedWithPs256 = JWSObject.parse(sign(ON_ACCP.signerFor(ps.key(), ps.handle()), KeyAlgorithm.PS256));

        assertThatThrownBy(() -> signedWithPs256.verify(ON_ACCP.verifierFor(rs.key()))).isInstanceOf(JOSEException.class);
    }

    @Test
    void signerForWhenKeyEncryptsThenUnsupported() {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.RSA_OAEP_256);

        assertThatThrownBy(() -> ON_ACCP.signerFor(key.key(), key.handle())).isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> ON_ACCP.verifierFor(key.key())).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void signerForWhenPrivateKeyDoesNotFitAlgorithmThenUnsupported() {
        TestSigningKey es = TestSigningKeys.of(KeyAlgorithm.ES256);
        TestSigningKey rs = TestSigningKeys.of(KeyAlgorithm.RS256);

        assertThatThrownBy(() -> ON_ACCP.signerFor(es.key(), rs.handle()))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining(es.key().kid());
        assertThatThrownBy(() -> ON_ACCP.signerFor(rs.key(), es.handle())).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void signerForWhenEcKeyIsNotP256ThenUnsupported() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        TestSigningKey es = TestSigningKeys.of(KeyAlgorithm.ES256);

        assertThatThrownBy(() -> ON_ACCP.signerFor(es.key(),
                PrivateKeyHandle.software(generator.generateKeyPair().getPrivate())))
                .isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void verifyWhenEdDsaHeaderHasCriticalParameterThenFalse() throws Exception {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.EDDSA);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(java.util.Set.of("exp"))
                .customParam("exp", 1).build();
        JWSObject jws = new JWSObject(header, new Payload(PAYLOAD));
        jws.sign(ON_ACCP.signerFor(key.key(), key.handle()));

        assertThat(JWSObject.parse(jws.serialize()).verify(ON_ACCP.verifierFor(key.key()))).isFalse();
    }

    @Test
    void verifyWhenEdDsaSignatureHasWrongLengthThenFalse() throws Exception {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.EDDSA);
        JWSVerifier verifier = ON_ACCP.verifierFor(key.key());

        assertThat(verifier.verify(new JWSHeader(JWSAlgorithm.EdDSA), new byte[] {1}, Base64URL.encode(new byte[63])))
                .isFalse();
    }

    @Test
    void toStringWhenSignerMadeThenNamesAlgorithmAndProviderOnly() {
        TestSigningKey key = TestSigningKeys.of(KeyAlgorithm.ES256);
        String text = ON_ACCP.signerFor(key.key(), key.handle()).toString();

        assertThat(text).startsWith("JWSSigner[ES256 on ");
        assertThat(text).doesNotContain(key.handle().key().toString());
    }

    private static void assumeAccpLoads() {
        assumeTrue(ACCP.nativeProvider().isPresent(), () -> "ACCP does not load here: " + ACCP.description());
    }

    static String sign(JWSSigner signer, KeyAlgorithm algorithm) throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JwsSigners.jws(algorithm)).keyID("kid-1").build(),
                new Payload(PAYLOAD));
        jws.sign(signer);
        return jws.serialize();
    }

    /** Nimbus's own verifiers with no provider set, i.e. on the JDK's defaults (Tink for Ed25519). */
    static JWSVerifier nimbusDefaultVerifier(KeyAlgorithm algorithm, PublicKey publicKey) throws JOSEException {
        return switch (algorithm) {
            case RS256, PS256 -> new RSASSAVerifier((RSAPublicKey) publicKey);
            case ES256 -> new ECDSAVerifier((ECPublicKey) publicKey);
            case EDDSA -> new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(rawEd25519(publicKey))).build());
            case RSA_OAEP_256 -> throw new IllegalArgumentException();
        };
    }

    /** Plain JCA on the JDK's default provider, without Nimbus: the JWS signature as RFC 7518/8037 define it. */
    static boolean plainJdkVerifies(KeyAlgorithm algorithm, PublicKey publicKey, JWSObject jws)
            throws GeneralSecurityException {
        Signature verifier = switch (algorithm) {
            case RS256 -> Signature.getInstance("SHA256withRSA");
            case PS256 -> {
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield pss;
            }
            // JOSE's R||S is the IEEE P1363 format
            case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case EDDSA -> Signature.getInstance("Ed25519");
            case RSA_OAEP_256 -> throw new IllegalArgumentException();
        };
        assertThat(verifier.getProvider().getName()).startsWith("Sun");
        verifier.initVerify(publicKey);
        verifier.update(jws.getSigningInput());
        return verifier.verify(jws.getSignature().decode());
    }

    /** The 32-byte public key at the end of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4). */
    private static byte[] rawEd25519(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
