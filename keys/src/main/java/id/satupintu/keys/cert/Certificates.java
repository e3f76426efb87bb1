package id.satupintu.keys.cert;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Self-signed X.509 v3 certificates for managed keys (RFC 5280), as SAML metadata publishes them.
 * The certificate is an end-entity one: basicConstraints cA=false, and keyUsage digitalSignature
 * for a signing key or keyEncipherment for an encryption key (RFC 5280 §4.2.1.3, §4.2.1.9).
 */
public final class Certificates {

    /** RFC 5280 §4.1.2.2: positive, at most 20 octets; 159 random bits keep it positive in 20. */
    private static final int SERIAL_BITS = 159;
    /** Tolerates clocks of relying parties running slightly behind. */
    static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** @see #selfSigned(ManagedKey, PrivateKeyHandle, X500Name, Duration, Clock) */
    public static X509Certificate selfSigned(ManagedKey key, PrivateKeyHandle signer, String subject, Duration validity) {
        return selfSigned(key, signer, SubjectNames.parse(subject), validity, Clock.systemUTC());
    }

    /** @see #selfSigned(ManagedKey, PrivateKeyHandle, X500Name, Duration, Clock) */
    public static X509Certificate selfSigned(ManagedKey key, PrivateKeyHandle signer, X500Name subject, Duration validity) {
        return selfSigned(key, signer, subject, validity, Clock.systemUTC());
    }

    /**
     * @param signer the private key of {@code key}; a hardware-bound key signs inside its token
     * @param validity how long from now the certificate is valid (it starts five minutes ago)
     * @throws KeyStoreFailure when the key cannot sign
     */
    public static X509Certificate selfSigned(ManagedKey key, PrivateKeyHandle signer, X500Name subject,
                                             Duration validity, Clock clock) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        Instant now = clock.instant();
        Date notBefore = Date.from(now.minus(BACKDATE));
        Date notAfter = Date.from(now.plus(validity));
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(), notBefore,
                    notAfter, subject, key.publicKey());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, keyUsage(key.spec().algorithm()));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(key.publicKey()));
            X509CertificateHolder holder = builder.build(ContentSigners.forKey(key, signer));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertIOException | CertificateException | java.security.NoSuchAlgorithmException e) {
            throw new KeyStoreFailure("cannot make a certificate for key " + key.kid() + ": " + e.getMessage(), e);
        }
    }

    /** @return digitalSignature for signing keys, keyEncipherment for encryption keys */
    static KeyUsage keyUsage(KeyAlgorithm algorithm) {
        return new KeyUsage(algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION
                ? KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature);
    }

    static BigInteger serialNumber() {
        BigInteger serial;
        do {
            serial = new BigInteger(SERIAL_BITS, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }
}
