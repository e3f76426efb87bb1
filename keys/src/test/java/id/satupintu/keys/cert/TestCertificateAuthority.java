package id.satupintu.keys.cert;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** A root CA and an intermediate CA made in the test, answering certification requests. */
final class TestCertificateAuthority {

    private final KeyPair rootKeys = rsa();
    private final KeyPair intermediateKeys = rsa();
    final X509Certificate root;
    final X509Certificate intermediate;

    TestCertificateAuthority() throws Exception {
        Instant now = Instant.now();
        X500Name rootName = SubjectNames.parse("CN=Test Root CA,O=SatuPintu Test,C=ID");
        X500Name intermediateName = SubjectNames.parse("CN=Test Issuing CA,O=SatuPintu Test,C=ID");
        root = issue(rootName, rootName, rootKeys.getPublic(), rootKeys, true, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(3650)));
        intermediate = issue(intermediateName, rootName, intermediateKeys.getPublic(), rootKeys, true,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1825)));
    }

    /** @return the leaf the intermediate issues for the request's key, valid in the given window */
    X509Certificate answer(PKCS10CertificationRequest request, Instant notBefore, Instant notAfter) throws Exception {
        JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(request);
        return issue(request.getSubject(), X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()),
                jca.getPublicKey(), intermediateKeys, false, notBefore, notAfter);
    }

    X509Certificate answer(PKCS10CertificationRequest request) throws Exception {
        return answer(request, Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofDays(365)));
    }

    private static X509Certificate issue(X500Name subject, X500Name issuer, PublicKey subjectKey, KeyPair issuerKeys,
                                         boolean ca, Instant notBefore, Instant notAfter) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
