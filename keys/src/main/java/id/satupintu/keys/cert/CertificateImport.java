package id.satupintu.keys.cert;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import id.satupintu.keys.ManagedKey;

/**
 * Checks a certificate authority's answer to a request before it is stored with a managed key.
 * It does not decide whom to trust (relying parties do, against their own anchors); it makes
 * sure the chain belongs to this key and hangs together (RFC 5280 §6.1 in outline):
 * <ul>
 *   <li>the leaf (first certificate) certifies this key's public key;</li>
 *   <li>each certificate is issued by the next one: issuer name equals the next subject and the
 *       signature verifies with the next public key (so the order is leaf first, root last);</li>
 *   <li>each issuer is a CA (basicConstraints cA=true, RFC 5280 §4.2.1.9);</li>
 *   <li>every certificate is valid now.</li>
 * </ul>
 */
public final class CertificateImport {

    private CertificateImport() {
    }

    /** @see #verifyChain(ManagedKey, List, Clock) */
    public static void verifyChain(ManagedKey key, List<X509Certificate> chain) {
        verifyChain(key, chain, Clock.systemUTC());
    }

    /** @throws InvalidCertificateChainException saying which certificate is wrong and why */
    public static void verifyChain(ManagedKey key, List<X509Certificate> chain, Clock clock) {
        if (chain == null || chain.isEmpty()) {
            throw new InvalidCertificateChainException("the chain is empty");
        }
        X509Certificate leaf = chain.get(0);
        if (!Arrays.equals(leaf.getPublicKey().getEncoded(), key.publicKey().getEncoded())) {
            throw new InvalidCertificateChainException("the first certificate (" + leaf.getSubjectX500Principal()
                    + ") is for another key, not for " + key.kid() + "; the chain must start with this key's certificate");
        }
        Instant now = clock.instant();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            checkValidity(certificate, i, now);
            if (i + 1 < chain.size()) {
                checkIssuedBy(certificate, i, chain.get(i + 1));
            }
        }
    }

    private static void checkValidity(X509Certificate certificate, int index, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new InvalidCertificateChainException(describe(certificate, index) + " expired on "
                    + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new InvalidCertificateChainException(describe(certificate, index) + " is not valid before "
                    + certificate.getNotBefore().toInstant());
        }
    }

    private static void checkIssuedBy(X509Certificate certificate, int index, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new InvalidCertificateChainException(describe(certificate, index) + " is issued by "
                    + certificate.getIssuerX500Principal() + ", but the next certificate is "
                    + issuer.getSubjectX500Principal() + "; order the chain leaf first, each certificate followed by its issuer");
        }
        try {
            certificate.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new InvalidCertificateChainException("the signature on " + describe(certificate, index)
                    + " does not verify with the next certificate's key");
        }
        if (issuer.getBasicConstraints() < 0) {
            throw new InvalidCertificateChainException(describe(issuer, index + 1)
                    + " issues certificates but is not a CA (basicConstraints cA=false)");
        }
    }

    private static String describe(X509Certificate certificate, int index) {
        return "certificate " + (index + 1) + " (" + certificate.getSubjectX500Principal() + ")";
    }
}
