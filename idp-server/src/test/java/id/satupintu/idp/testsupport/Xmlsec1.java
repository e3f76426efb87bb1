package id.satupintu.idp.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code xmlsec1} (XML Security Library over OpenSSL), the independent verifier of this
 * IdP's XML signatures and encryption, and an independent signer of documents our verifier must
 * accept or refuse. Installs the package with apt-get when it is missing (CI and fresh machines run
 * as root) and fails with a clear message when that is impossible: an interoperability test is never
 * silently skipped.
 */
public final class Xmlsec1 {

    public static final String RESPONSE = "urn:oasis:names:tc:SAML:2.0:protocol:Response";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";
    public static final String AUTHN_REQUEST = "urn:oasis:names:tc:SAML:2.0:protocol:AuthnRequest";
    public static final String LOGOUT_REQUEST = "urn:oasis:names:tc:SAML:2.0:protocol:LogoutRequest";

    private static final File BINARY = new File("/usr/bin/xmlsec1");

    private Xmlsec1() {
    }

    /** What one xmlsec1 run gave: its exit code and its output (stdout, then stderr). */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "xmlsec1 exit " + exitCode + "\n" + stderr;
        }
    }

    /**
     * Verifies the first signature of {@code xml} with the certificate's public key only (no chain
     * building): {@code xmlsec1 --verify --id-attr:ID <idElement> --pubkey-cert-pem}.
     *
     * @param idElement the element whose {@code ID} attribute the Reference points at, as
     *        {@code namespace:localName}, e.g. {@link #RESPONSE}
     */
    public static Result verify(String xml, X509Certificate cert, String idElement) {
        try (Scratch scratch = new Scratch()) {
            Path document = scratch.write("document.xml", xml);
            Path certificate = scratch.write("cert.pem", pem(cert));
            return run(List.of("--verify", "--id-attr:ID", idElement, "--enabled-reference-uris", "same-doc",
                    "--pubkey-cert-pem", certificate.toString(), document.toString()));
        }
    }

    /**
     * Decrypts the first {@code EncryptedData} of {@code xml} ({@code xmlsec1 --decrypt --privkey-pem}).
     *
     * @return the document with the encrypted element replaced by its plaintext
     * @throws AssertionError when xmlsec1 cannot decrypt it
     */
    public static String decrypt(String xml, PrivateKey key) {
        try (Scratch scratch = new Scratch()) {
            Path document = scratch.write("encrypted.xml", xml);
            Path privateKey = scratch.write("key.pem", pem("PRIVATE KEY", key.getEncoded()));
            Result result = run(List.of("--decrypt", "--privkey-pem", privateKey.toString(), document.toString()));
            if (!result.ok()) {
                throw new AssertionError("xmlsec1 could not decrypt: " + result);
            }
            return result.stdout();
        }
    }

    /**
     * Signs a template (a document whose {@code ds:Signature} has empty DigestValue and SignatureValue)
     * with {@code xmlsec1 --sign}: an independent signer, and a way to make signatures that are valid
     * but use what our verifier must refuse (SHA-1, XPath transforms, another reference).
     *
     * @throws AssertionError when xmlsec1 cannot sign it
     */
    public static String sign(String template, PrivateKey key, X509Certificate cert, String... idElements) {
        try (Scratch scratch = new Scratch()) {
            Path document = scratch.write("template.xml", template);
            Path privateKey = scratch.write("key.pem", pem("PRIVATE KEY", key.getEncoded()));
            Path certificate = scratch.write("cert.pem", pem(cert));
            List<String> arguments = new ArrayList<>(List.of("--sign"));
            for (String idElement : idElements) {
                arguments.addAll(List.of("--id-attr:ID", idElement));
            }
            arguments.addAll(List.of("--enabled-reference-uris", "same-doc,empty", "--privkey-pem",
                    privateKey + "," + certificate, document.toString()));
            Result result = run(arguments);
            if (!result.ok()) {
                throw new AssertionError("xmlsec1 could not sign: " + result);
            }
            return result.stdout();
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Result run(List<String> arguments) {
        ensureInstalled();
        List<String> command = new ArrayList<>();
        command.add(BINARY.getPath());
        command.addAll(arguments);
        try {
            Path out = Files.createTempFile("xmlsec1-", ".out");
            Path err = Files.createTempFile("xmlsec1-", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("xmlsec1 did not finish within 60 s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run xmlsec1", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running xmlsec1", e);
        }
    }

    static void ensureInstalled() {
        DebianPackages.ensureInstalled("SAML interoperability tests", List.of("xmlsec1"), BINARY);
    }

    /** A temporary directory for one xmlsec1 run; its files (a private key among them) are removed after. */
    private static final class Scratch implements AutoCloseable {

        private final Path directory;

        Scratch() {
            try {
                directory = Files.createTempDirectory("xmlsec1-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path write(String name, String content) {
            try {
                return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
