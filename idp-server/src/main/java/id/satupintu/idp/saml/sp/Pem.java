package id.satupintu.idp.saml.sp;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import id.satupintu.keys.cert.InvalidCertificateChainException;

/**
 * X.509 certificates as the SAML registration meets them: PEM (RFC 7468 §5) read and written by the
 * keys module's {@link id.satupintu.keys.cert.Pem}, with refusals as metadata errors, and the base64
 * DER of XML Signature's {@code X509Certificate} (§4.4.4).
 */
public final class Pem {

    private Pem() {
    }

    /**
     * @return the one certificate of a PEM text
     * @throws InvalidMetadataException when it is not exactly one parseable certificate
     */
    public static X509Certificate parseCertificate(String pem) {
        if (pem == null) {
            throw new InvalidMetadataException("certificate missing");
        }
        List<X509Certificate> certificates;
        try {
            certificates = id.satupintu.keys.cert.Pem.readCertificates(pem);
        } catch (InvalidCertificateChainException e) {
            throw new InvalidMetadataException("certificate must be one PEM block (-----BEGIN CERTIFICATE-----)");
        }
        if (certificates.size() != 1) {
            throw new InvalidMetadataException("certificate must be one PEM block, not " + certificates.size());
        }
        return certificates.get(0);
    }

    /**
     * @return the certificate of a base64 DER value (whitespace allowed, as in XML Signature §4.4.4)
     * @throws InvalidMetadataException when it does not decode or parse
     */
    public static X509Certificate fromBase64(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidMetadataException("certificate is not valid base64");
        }
        if (der.length == 0) {
            throw new InvalidMetadataException("certificate is empty");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new InvalidMetadataException("certificate does not parse as X.509");
        }
    }

    /** @return the certificate as PEM, 64 characters a line */
    public static String format(X509Certificate certificate) {
        return id.satupintu.keys.cert.Pem.certificates(List.of(certificate));
    }
}
