package id.satupintu.conformance.harness.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An RSA key and self-signed certificate for a test service provider, generated with
 * {@code openssl} into the SP's working directory: fresh per run, never committed. Self-signed is
 * what SAML metadata expects (SAML Metadata §2.4.1.1: the key, not a chain, is what is trusted).
 *
 * @param key the PEM private key (PKCS#8, unencrypted: it only ever protects a test)
 * @param certificate the PEM certificate
 */
public record SpKeyPair(Path key, Path certificate) {

    /** Generates an RSA-2048 key and a two-day certificate with subject {@code CN=<commonName>}. */
    public static SpKeyPair generate(Path directory, String name) {
        PySaml2.ensureInstalled();
        Path key = directory.resolve(name + "-key.pem");
        Path certificate = directory.resolve(name + "-cert.pem");
        PySaml2.run(List.of(PySaml2.OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256",
                "-days", "2", "-subj", "/CN=" + name, "-keyout", key.toString(), "-out", certificate.toString()));
        return new SpKeyPair(key, certificate);
    }

    /** @return the certificate's base64 DER, as metadata's {@code ds:X509Certificate} carries it */
    public String certificateBase64() {
        try {
            return Files.readString(certificate).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
