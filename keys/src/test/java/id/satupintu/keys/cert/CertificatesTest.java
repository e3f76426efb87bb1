package id.satupintu.keys.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CertificatesTest {

    private final TestManagedKeys keys = new TestManagedKeys();

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void selfSignedWhenAnyAlgorithmThenVerifiesWithTheManagedPublicKey(KeyAlgorithm algorithm) throws Exception {
        ManagedKey key = keys.generate(algorithm);

        X509Certificate certificate = Certificates.selfSigned(key, keys.privateKey(key), "CN=SatuPintu SAML,O=Test,C=ID",
                Duration.ofDays(365));

        certificate.verify(key.publicKey());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(key.publicKey().getEncoded());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=SatuPintu SAML,O=Test,C=ID");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
        certificate.checkValidity();
    }

    @Test
    void selfSignedWhenSigningKeyThenDigitalSignatureOnly() {
        ManagedKey key = keys.generate(KeyAlgorithm.RS256);

        X509Certificate certificate = Certificates.selfSigned(key, keys.privateKey(key), "CN=s", Duration.ofDays(1));

        assertThat(certificate.getKeyUsage()[0]).isTrue();   // digitalSignature
        assertThat(certificate.getKeyUsage()[2]).isFalse();  // keyEncipherment
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.15", "2.5.29.19");
    }

    @Test
    void selfSignedWhenEncryptionKeyThenKeyEnciphermentOnly() {
        ManagedKey key = keys.generate(KeyAlgorithm.RSA_OAEP_256);

        X509Certificate certificate = Certificates.selfSigned(key, keys.privateKey(key), "CN=e", Duration.ofDays(1));

        assertThat(certificate.getKeyUsage()[0]).isFalse();
        assertThat(certificate.getKeyUsage()[2]).isTrue();
    }

    @Test
    void selfSignedWhenEcAndEdKeysThenMatchingSignatureAlgorithms() {
        ManagedKey ec = keys.generate(KeyAlgorithm.ES256);
        ManagedKey ed = keys.generate(KeyAlgorithm.EDDSA);

        assertThat(Certificates.selfSigned(ec, keys.privateKey(ec), "CN=ec", Duration.ofDays(1)).getSigAlgName())
                .isEqualTo("SHA256withECDSA");
        assertThat(Certificates.selfSigned(ed, keys.privateKey(ed), "CN=ed", Duration.ofDays(1)).getSigAlgName())
                .isEqualTo("Ed25519");
    }

    @Test
    void selfSignedWhenSerialsThenRandomAndDistinct() {
        assertThat(List.of(Certificates.serialNumber(), Certificates.serialNumber(), Certificates.serialNumber()))
                .doesNotHaveDuplicates().allMatch(s -> s.signum() > 0 && s.compareTo(BigInteger.TWO.pow(159)) < 0);
    }

    @Test
    void selfSignedWhenSubjectNotADistinguishedNameThenClearError() {
        ManagedKey key = keys.generate(KeyAlgorithm.ES256);

        assertThatThrownBy(() -> Certificates.selfSigned(key, keys.privateKey(key), "just words", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a distinguished name");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void csrWhenCreatedThenParsesFromPemAndItsSignatureVerifies(KeyAlgorithm algorithm) throws Exception {
        ManagedKey key = keys.generate(algorithm);

        String pem = Csrs.createPem(key, keys.privateKey(key), "CN=SatuPintu,O=Test,C=ID");

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        PKCS10CertificationRequest request;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            request = (PKCS10CertificationRequest) parser.readObject();
        }
        assertThat(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.publicKey()))).isTrue();
        assertThat(request.getSubjectPublicKeyInfo().getEncoded()).isEqualTo(key.publicKey().getEncoded());
        assertThat(new javax.security.auth.x500.X500Principal(request.getSubject().getEncoded()).getName())
                .isEqualTo("CN=SatuPintu,O=Test,C=ID");
        assertThat(request.getRequestedExtensions().getExtension(org.bouncycastle.asn1.x509.Extension.keyUsage))
                .isNotNull();
        KeyUsage usage = KeyUsage.fromExtensions(request.getRequestedExtensions());
        assertThat(usage.hasUsages(algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION
                ? KeyUsage.keyEncipherment : KeyUsage.digitalSignature)).isTrue();
    }

    @Test
    void pemWhenChainWrittenThenReadBackInOrder() {
        ManagedKey a = keys.generate(KeyAlgorithm.ES256);
        ManagedKey b = keys.generate(KeyAlgorithm.RS256);
        List<X509Certificate> chain = List.of(
                Certificates.selfSigned(a, keys.privateKey(a), "CN=a", Duration.ofDays(1)),
                Certificates.selfSigned(b, keys.privateKey(b), "CN=b", Duration.ofDays(1)));

        String pem = "subject=CN=a\n" + Pem.certificates(chain);

        assertThat(Pem.readCertificates(pem)).containsExactlyElementsOf(chain);
    }

    @Test
    void pemWhenNoCertificateThenClearError() {
        assertThatThrownBy(() -> Pem.readCertificates("hello"))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("no -----BEGIN CERTIFICATE");
    }
}
