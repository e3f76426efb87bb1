package id.satupintu.keys.store.pkcs12;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import id.satupintu.keys.KeyAlgorithm;

/**
 * The self-signed certificate a Java {@link java.security.KeyStore} needs beside every private key
 * entry (a PKCS#12 {@code keyBag}/{@code certBag} pair, RFC 7292 §4.2; a PKCS#11 private key object
 * with its certificate object). It only carries the public key and the kid as subject
 * {@code CN}; the certificates relying parties see (SAML metadata) are issued elsewhere.
 *
 * <p>Used by the PKCS#12 and the PKCS#11 back ends; for an HSM key the signature is computed
 * inside the token through its provider.
 */
public final class PlaceholderCertificate {

    private static final Duration VALIDITY = Duration.ofDays(3650);

    private PlaceholderCertificate() {
    }

    /**
     * @param signingProvider provider that operates {@code privateKey} (the HSM's), or null for a software key
     * @return a self-signed certificate for the key pair
     */
    public static X509Certificate selfSigned(String kid, KeyAlgorithm algorithm, PublicKey publicKey,
            PrivateKey privateKey, Provider signingProvider) throws GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "SatuPintu key placeholder")
                .addRDN(BCStyle.CN, kid).build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).setBit(63), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)), subject, publicKey);
        JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(certificateSignature(algorithm));
        if (signingProvider != null) {
            signerBuilder.setProvider(signingProvider);
        }
        try {
            ContentSigner signer = signerBuilder.build(privateKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the placeholder certificate for " + kid, e);
        }
    }

    /** PKCS#1 v1.5 for every RSA key (also PSS and OAEP keys: the certificate is never verified). */
    private static String certificateSignature(KeyAlgorithm algorithm) {
        return switch (algorithm.family()) {
            case RSA -> "SHA256withRSA";
            case EC -> "SHA256withECDSA";
            case OKP -> "Ed25519";
        };
    }

    /**
     * @return the kid a placeholder certificate was made for, exactly as given (key store aliases may
     *         have lost its case), or empty for another certificate
     */
    public static Optional<String> kid(Certificate certificate) {
        if (!(certificate instanceof X509Certificate x509)) {
            return Optional.empty();
        }
        RDN[] commonNames = X500Name.getInstance(x509.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        if (commonNames.length != 1 || !(commonNames[0].getFirst().getValue() instanceof ASN1String name)) {
            return Optional.empty();
        }
        return Optional.of(name.getString());
    }
}
