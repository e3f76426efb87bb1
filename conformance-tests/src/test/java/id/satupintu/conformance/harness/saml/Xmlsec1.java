package id.satupintu.conformance.harness.saml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code xmlsec1} command-line tool (XML Security Library, independent of Apache Santuario)
 * as a verifier of enveloped signatures: what the tests use to check SatuPintu's signatures
 * without trusting the code that made them.
 */
public final class Xmlsec1 {

    /** @param output what xmlsec1 printed (its verdict and any error) */
    public record Verdict(boolean valid, String output) {
    }

    private Xmlsec1() {
    }

    /**
     * Verifies the enveloped signature of the element whose {@code ID} attribute (of element
     * {@code idElement}, given as {@code namespace:localName}) the signature references, with the
     * key of {@code certificateBase64} only.
     */
    public static Verdict verify(String xml, String idElement, String certificateBase64) {
        PySaml2.ensureInstalled();
        try {
            Path directory = Files.createDirectories(Path.of("target", "saml-sp"));
            Path document = Files.createTempFile(directory, "verify-", ".xml");
            Path certificate = Files.createTempFile(directory, "verify-", ".pem");
            Files.writeString(document, xml, StandardCharsets.UTF_8);
            Files.writeString(certificate, pem(certificateBase64), StandardCharsets.US_ASCII);
            Process process = new ProcessBuilder(List.of(PySaml2.XMLSEC.toString(), "--verify",
                    "--pubkey-cert-pem", certificate.toString(), "--id-attr:ID", idElement, document.toString()))
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            return new Verdict(finished && process.exitValue() == 0 && output.contains("OK"), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running xmlsec1", e);
        }
    }

    private static String pem(String base64) {
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        String flat = base64.replaceAll("\\s", "");
        for (int i = 0; i < flat.length(); i += 64) {
            pem.append(flat, i, Math.min(flat.length(), i + 64)).append('\n');
        }
        return pem.append("-----END CERTIFICATE-----\n").toString();
    }
}
