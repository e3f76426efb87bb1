package id.satupintu.keys.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * PEM text (RFC 7468) for certificates and certification requests, through Bouncy Castle's
 * reader and writer. Only public material passes through here.
 */
public final class Pem {

    private static final String CERTIFICATE = "CERTIFICATE";

    private Pem() {
    }

    /** @return the certificates, in the order given, as concatenated {@code CERTIFICATE} blocks */
    public static String certificates(List<X509Certificate> chain) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return out.toString();
    }

    /** @return one object (a certificate, a PKCS#10 request, ...) as a PEM block */
    public static String write(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM", e);
        }
        return out.toString();
    }

    /**
     * Reads every {@code CERTIFICATE} block in order, ignoring text between blocks (as OpenSSL
     * and most certificate authorities put subject/issuer lines there).
     *
     * @throws InvalidCertificateChainException when there is no certificate or one does not parse
     */
    public static List<X509Certificate> readCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                if (CERTIFICATE.equals(object.getType())) {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new InvalidCertificateChainException("not a PEM certificate chain: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new InvalidCertificateChainException("no -----BEGIN CERTIFICATE----- block found");
        }
        return certificates;
    }
}
