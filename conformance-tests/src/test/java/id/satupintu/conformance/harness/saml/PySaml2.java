package id.satupintu.conformance.harness.saml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's pysaml2 and the {@code xmlsec1} tool it verifies and decrypts with, installed by the
 * tests themselves when missing (CI and fresh machines run as root), like {@code SoftHsm} and
 * {@code HeadlessChromium} do. The SAML tests are never skipped: when this is impossible they fail
 * with a message that says what to install.
 *
 * <p>The interpreter is Debian's {@code /usr/bin/python3}, not whatever {@code python3} is first
 * on the PATH (pyenv, a virtualenv): the apt package installs into Debian's interpreter only.
 */
public final class PySaml2 {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path XMLSEC = Path.of("/usr/bin/xmlsec1");
    public static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private static boolean checked;

    private PySaml2() {
    }

    /** Makes sure pysaml2, xmlsec1 and openssl are there, installing them with apt-get on the first call. */
    public static synchronized void ensureInstalled() {
        if (checked) {
            return;
        }
        if (!present()) {
            if (!isRoot()) {
                throw new IllegalStateException("the SAML conformance tests need Debian's python3-pysaml2 and xmlsec1: "
                        + "run 'apt-get update && apt-get install -y python3-pysaml2 xmlsec1' as root, or run the tests as root");
            }
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update"));
            run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends",
                    "python3-pysaml2", "xmlsec1", "openssl"));
            if (!present()) {
                throw new IllegalStateException("apt-get installed python3-pysaml2, but " + PYTHON
                        + " cannot import saml2 or " + XMLSEC + " is missing");
            }
        }
        checked = true;
    }

    private static boolean present() {
        if (!Files.isExecutable(PYTHON) || !Files.isExecutable(XMLSEC) || !Files.isExecutable(OPENSSL)) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import saml2.client")
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(uid);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command to completion and returns its output, failing with that output when it fails. */
    static String run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close(); // no questions: everything here is non-interactive
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", command) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "'", e);
        }
    }
}
