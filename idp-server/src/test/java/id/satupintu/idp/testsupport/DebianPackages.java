package id.satupintu.idp.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the Debian packages a test needs (Chromium, xmlsec1) with apt-get when their programs are
 * missing, so a fresh machine runs the README's one test command. CI runs as root; elsewhere the
 * error says what to install. The apt lock is waited for, since several test JVMs may install at once.
 */
final class DebianPackages {

    private DebianPackages() {
    }

    /**
     * Makes sure every program exists, installing the packages once if one is missing.
     *
     * @param purpose what needs them, for error messages ("browser tests")
     */
    static synchronized void ensureInstalled(String purpose, List<String> packages, File... programs) {
        if (allExecutable(programs)) {
            return;
        }
        String wanted = String.join(" ", packages);
        if (!isRoot()) {
            throw new IllegalStateException(purpose + " need Debian's " + wanted + ": run 'apt-get update && "
                    + "apt-get install -y " + wanted + "' as root, or run the tests as root");
        }
        run(purpose, wanted, List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update"));
        List<String> install = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y",
                "--no-install-recommends"));
        install.addAll(packages);
        run(purpose, wanted, install);
        if (!allExecutable(programs)) {
            throw new IllegalStateException("apt-get installed " + wanted + ", but " + List.of(programs)
                    + " is still missing");
        }
    }

    private static boolean allExecutable(File... programs) {
        for (File program : programs) {
            if (!program.canExecute()) {
                return false;
            }
        }
        return true;
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

    private static void run(String purpose, String wanted, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close(); // no questions: the install is non-interactive
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed; " + purpose
                        + " need Debian's " + wanted);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", command) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + wanted, e);
        }
    }
}
