package id.satupintu.keys.cert;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;

import org.junit.jupiter.api.Test;

class CertificateImportTest {

    private final TestManagedKeys keys = new TestManagedKeys();
    private final TestCertificateAuthority ca;
    private final ManagedKey key = keys.generate(KeyAlgorithm.RS256);

    CertificateImportTest() throws Exception {
        ca = new TestCertificateAuthority();
    }

    private X509Certificate leafFor(ManagedKey managed) throws Exception {
        return ca.answer(Csrs.create(managed, keys.privateKey(managed), SubjectNames.parse("CN=SatuPintu SAML,C=ID")));
    }

    @Test
    void verifyChainWhenCaSignedChainLeafFirstThenAccepted() throws Exception {
        List<X509Certificate> chain = List.of(leafFor(key), ca.intermediate, ca.root);

        assertThatCode(() -> CertificateImport.verifyChain(key, chain)).doesNotThrowAnyException();
    }

    @Test
    void verifyChainWhenRootLeftOutThenAccepted() throws Exception {
        assertThatCode(() -> CertificateImport.verifyChain(key, List.of(leafFor(key), ca.intermediate)))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyChainWhenEcKeyThenAccepted() throws Exception {
        ManagedKey ec = keys.generate(KeyAlgorithm.ES256);

        assertThatCode(() -> CertificateImport.verifyChain(ec, List.of(leafFor(ec), ca.intermediate)))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyChainWhenLeafIsForAnotherKeyThenRejected() throws Exception {
        ManagedKey other = keys.generate(KeyAlgorithm.RS256);
        List<X509Certificate> chain = List.of(leafFor(other), ca.intermediate, ca.root);

        assertThatThrownBy(() -> CertificateImport.verifyChain(key, chain))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("is for another key");
    }

    @Test
    void verifyChainWhenWrongOrderThenRejected() throws Exception {
        List<X509Certificate> chain = List.of(leafFor(key), ca.root, ca.intermediate);

        assertThatThrownBy(() -> CertificateImport.verifyChain(key, chain))
                .isInstanceOf(InvalidCertificateChainException.class)
                .hasMessageContaining("order the chain leaf first");
    }

    @Test
    void verifyChainWhenExpiredLeafThenRejected() throws Exception {
        X509Certificate expired = ca.answer(Csrs.create(key, keys.privateKey(key), SubjectNames.parse("CN=old")),
                Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));

        assertThatThrownBy(() -> CertificateImport.verifyChain(key, List.of(expired, ca.intermediate)))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("expired on");
    }

    @Test
    void verifyChainWhenLeafNotYetValidThenRejected() throws Exception {
        X509Certificate future = ca.answer(Csrs.create(key, keys.privateKey(key), SubjectNames.parse("CN=future")),
                Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

        assertThatThrownBy(() -> CertificateImport.verifyChain(key, List.of(future, ca.intermediate)))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("is not valid before");
    }

    @Test
    void verifyChainWhenIssuerIsNotACaThenRejected() throws Exception {
        X509Certificate leaf = leafFor(key);
        ManagedKey other = keys.generate(KeyAlgorithm.RS256);
        X509Certificate endEntity = Certificates.selfSigned(other, keys.privateKey(other), "CN=Test Issuing CA,O=SatuPintu Test,C=ID",
                Duration.ofDays(1));

        assertThatThrownBy(() -> CertificateImport.verifyChain(key, List.of(leaf, endEntity)))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("does not verify");
    }

    @Test
    void verifyChainWhenEmptyThenRejected() {
        assertThatThrownBy(() -> CertificateImport.verifyChain(key, List.of()))
                .isInstanceOf(InvalidCertificateChainException.class).hasMessageContaining("empty");
    }

    @Test
    void verifyChainWhenSelfSignedCertificateOfTheKeyThenAccepted() {
        X509Certificate self = Certificates.selfSigned(key, keys.privateKey(key), "CN=self", Duration.ofDays(1));

        assertThatCode(() -> CertificateImport.verifyChain(key, List.of(self))).doesNotThrowAnyException();
    }
}
