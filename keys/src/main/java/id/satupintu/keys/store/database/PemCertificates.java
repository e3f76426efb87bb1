package id.satupintu.keys.store.database;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import id.satupintu.keys.KeyStoreFailure;

/** A certificate chain as PEM text (RFC 7468 §5), leaf first; an empty chain is null. */
final class PemCertificates {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemCertificates() {
    }

    static String encode(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            return null;
        }
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(BASE64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new KeyStoreFailure("a certificate cannot be encoded", e);
            }
        }
        return pem.toString();
    }

    static List<X509Certificate> decode(String pem) {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) certificate);
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new KeyStoreFailure("a stored certificate chain cannot be decoded", e);
        }
    }
}
