package id.satupintu.keys.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.store.pkcs11.Pkcs11KeyBackend;
import id.satupintu.keys.store.pkcs11.SoftHsm;

import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Certificates and requests signed inside an HSM (SoftHSM2): the handle's provider signs. */
class HsmCertificatesTest {

    private final Pkcs11KeyBackend backend = new Pkcs11KeyBackend(SoftHsm.token().settings());

    private ManagedKey generate(KeyAlgorithm algorithm) {
        String kid = "cert-" + UUID.randomUUID();
        return ManagedKey.generated(kid, KeyPurpose.SAML_SIGNING, KeySpec.of(algorithm), backend.id(),
                backend.generate(kid, KeySpec.of(algorithm)), Instant.now());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "PS256", "ES256"})
    void selfSignedWhenHardwareBoundKeyThenSignedInTheTokenAndVerifies(KeyAlgorithm algorithm) throws Exception {
        ManagedKey key = generate(algorithm);
        PrivateKeyHandle handle = backend.privateKey(key.kid());

        X509Certificate certificate = Certificates.selfSigned(key, handle, "CN=HSM,C=ID", Duration.ofDays(1));

        assertThat(handle.isHardwareBound()).isTrue();
        certificate.verify(key.publicKey());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RS256", "ES256"})
    void csrWhenHardwareBoundKeyThenSignatureVerifies(KeyAlgorithm algorithm) throws Exception {
        ManagedKey key = generate(algorithm);

        PKCS10CertificationRequest request = Csrs.create(key, backend.privateKey(key.kid()), SubjectNames.parse("CN=HSM"));

        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.publicKey()))).isTrue();
    }
}
