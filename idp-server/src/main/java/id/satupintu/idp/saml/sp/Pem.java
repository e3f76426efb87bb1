package id.satupintu.idp.saml.sp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** X.509 certificates in PEM (RFC 7468 §5) and in the base64 DER of XML Signature's {@code X509Certificate}. */
public final class Pem {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

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
        String text = pem.strip();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin != 0 || end < 0 || end + END.length() != text.length()) {
            throw new InvalidMetadataException("certificate must be one PEM block (-----BEGIN CERTIFICATE-----)");
        }
        return fromBase64(text.substring(BEGIN.length(), end));
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
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return BEGIN + "\n" + base64 + "\n" + END + "\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }
}
