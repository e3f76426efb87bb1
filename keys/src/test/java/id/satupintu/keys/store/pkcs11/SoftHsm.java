package id.satupintu.keys.store.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token for the PKCS#11 tests, set up by the project itself so CI needs nothing installed:
 * installs Debian's {@code softhsm2} with apt-get when the library is missing (CI and fresh machines
 * run as root), writes a SoftHSM2 configuration with a fresh token directory under
 * {@code target/}, and initialises one token labelled {@value #LABEL}. A PKCS#11 test is never
 * silently skipped: when this is impossible it fails with a message that says what to do.
 *
 * <p>The configuration path: SoftHSM2 reads {@code SOFTHSM2_CONF} once, when SunPKCS11 loads the
 * library into this JVM, and Java cannot set its own environment. So {@code keys/pom.xml} gives the
 * forked test JVM {@code SOFTHSM2_CONF=target/softhsm/softhsm2.conf}, and this class writes that
 * file (and {@code softhsm2-util} gets the same variable) before any provider loads. Nothing outside
 * {@code target/} is touched, so parallel checkouts do not share tokens.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String LABEL = "satupintu-test";
    /** A second token that no test logs in to: PKCS#11 login state is per process and token, so a wrong PIN is only noticed before the first successful login. */
    public static final String NEVER_LOGGED_IN_LABEL = "satupintu-wrong-pin";
    private static final Path UTIL = Path.of("/usr/bin/softhsm2-util");
    private static final String PIN = "1234-test-pin";
    private static final String SO_PIN = "5678-test-so-pin";
    private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    private static Token token;
    private static Token neverLoggedIn;

    /** The initialised token: its slot and the PIN for it. */
    public record Token(Path library, long slot, String label) {

        public char[] pin() {
            return PIN.toCharArray();
        }

        public Pkcs11Settings settings() {
            return Pkcs11Settings.bySlot(library, slot, pin());
        }
    }

    private SoftHsm() {
    }

    /** @return the test token, set up on the first call in this JVM */
    public static synchronized Token token() {
        if (token == null) {
            ensureInstalled();
            Path conf = configuration();
            token = new Token(LIBRARY, initialiseToken(conf, LABEL), LABEL);
            neverLoggedIn = new Token(LIBRARY, initialiseToken(conf, NEVER_LOGGED_IN_LABEL), NEVER_LOGGED_IN_LABEL);
        }
        return token;
    }

    /** @return a token with the same PIN that only wrong-PIN tests use, so no session in this JVM is logged in to it */
    public static synchronized Token neverLoggedInToken() {
        token();
        return neverLoggedIn;
    }

    /**
     * Reads the token's private key objects from SoftHSM2's object files with {@code softhsm2-dump-file}:
     * what the token itself recorded, not what the JDK says about the key.
     *
     * @return for each private key object, its boolean attributes by name, e.g. {@code CKA_SENSITIVE -> true}
     */
    public static synchronized List<Map<String, Boolean>> privateKeyObjects() {
        token();
        Path tokens = Path.of(System.getenv("SOFTHSM2_CONF")).toAbsolutePath().resolveSibling("tokens");
        List<Map<String, Boolean>> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tokens)) {
            for (Path object : files.filter(f -> f.toString().endsWith(".object") && !f.endsWith("token.object")).toList()) {
                // softhsm2-dump-file exits non-zero at the end of every file, so its output is the result
                List<String> lines = output(List.of("/usr/bin/softhsm2-dump-file", object.toString()), null, false)
                        .lines().toList();
                if (lines.stream().anyMatch(l -> l.endsWith(" CKO_PRIVATE_KEY"))) {
                    keys.add(booleanAttributes(lines));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SoftHSM2 token directory " + tokens, e);
        }
        return keys;
    }

    /** softhsm2-dump-file prints each attribute as: name line, type line, value line(s). */
    private static Map<String, Boolean> booleanAttributes(List<String> lines) {
        Map<String, Boolean> attributes = new TreeMap<>();
        Pattern name = Pattern.compile("^(?:[0-9a-f]{2} ){8}(CKA_\\w+)$");
        for (int i = 0; i + 2 < lines.size(); i++) {
            Matcher attribute = name.matcher(lines.get(i).strip());
            if (attribute.matches() && lines.get(i + 1).endsWith("boolean attribute")) {
                attributes.put(attribute.group(1), lines.get(i + 2).strip().endsWith("TRUE"));
            }
        }
        return attributes;
    }

    static void ensureInstalled() {
        if (Files.isRegularFile(LIBRARY) && Files.isExecutable(UTIL)) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException("PKCS#11 tests need Debian's softhsm2 (" + LIBRARY + "): run "
                    + "'apt-get update && apt-get install -y softhsm2' as root, or run the tests as root");
        }
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update"), null);
        run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", "softhsm2"),
                null);
        if (!Files.isRegularFile(LIBRARY) || !Files.isExecutable(UTIL)) {
            throw new IllegalStateException("apt-get installed softhsm2, but " + LIBRARY + " or " + UTIL + " is missing");
        }
    }

    /** Writes the file {@code SOFTHSM2_CONF} names, with an empty token directory beside it. */
    private static Path configuration() {
        String variable = System.getenv("SOFTHSM2_CONF");
        if (variable == null || variable.isBlank()) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set for this JVM: run the PKCS#11 tests through Maven "
                    + "(keys/pom.xml sets it for surefire), or set SOFTHSM2_CONF=<module>/target/softhsm/softhsm2.conf");
        }
        Path conf = Path.of(variable).toAbsolutePath();
        Path tokens = conf.resolveSibling("tokens");
        try {
            deleteRecursively(tokens);
            Files.createDirectories(tokens);
            Files.writeString(conf, "# written by SoftHsm for the PKCS#11 tests\n"
                    + "directories.tokendir = " + tokens + "\n"
                    + "objectstore.backend = file\n"
                    + "log.level = ERROR\n"
                    + "slots.removable = false\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the SoftHSM2 configuration " + conf, e);
        }
        return conf;
    }

    private static long initialiseToken(Path conf, String label) {
        String output = run(List.of(UTIL.toString(), "--init-token", "--free", "--label", label, "--so-pin", SO_PIN,
                "--pin", PIN), conf);
        Matcher slot = REASSIGNED.matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("softhsm2-util initialised no token: " + output);
        }
        return Long.parseLong(slot.group(1));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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

    /** @return the command's output; it never contains a PIN (softhsm2-util does not echo them) */
    private static String run(List<String> command, Path softHsmConf) {
        return output(command, softHsmConf, true);
    }

    private static String output(List<String> command, Path softHsmConf, boolean mustSucceed) {
        List<String> shown = new ArrayList<>(command);
        for (int i = 0; i < shown.size() - 1; i++) {
            if (shown.get(i).endsWith("pin")) {
                shown.set(i + 1, "****");
            }
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            if (softHsmConf != null) {
                builder.environment().put("SOFTHSM2_CONF", softHsmConf.toString());
            }
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(15, TimeUnit.MINUTES) || mustSucceed && process.exitValue() != 0) {
                throw new IllegalStateException("'" + String.join(" ", shown) + "' failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run '" + String.join(" ", shown) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", shown) + "'", e);
        }
    }
}
