package id.satupintu.idp.citizen.enrollment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Values known to be commonly used, expected or compromised (NIST SP 800-63B §5.1.1.2: "passwords
 * obtained from previous breach corpuses, dictionary words, repetitive or sequential characters,
 * context-specific words"). Shipped as {@value #RESOURCE}, lower case, one a line, {@code #} for
 * comments; loaded once into a set. A candidate is compared after trimming and lower-casing, so
 * "SatuPintu2026!!!" and "  satupintu2026!!! " are the same entry.
 */
@Component
public class PasswordBlocklist {

    static final String RESOURCE = "passwords/blocklist.txt";

    private final Set<String> blocked;

    public PasswordBlocklist() {
        this(load(RESOURCE));
    }

    PasswordBlocklist(Set<String> blocked) {
        this.blocked = Set.copyOf(blocked);
    }

    public boolean contains(String candidate) {
        return blocked.contains(normalised(candidate));
    }

    public int size() {
        return blocked.size();
    }

    static String normalised(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> load(String resource) {
        Set<String> values = new HashSet<>(100_000);
        try (InputStream in = PasswordBlocklist.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("password blocklist " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    values.add(normalised(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("password blocklist " + resource + " could not be read", e);
        }
        return values;
    }
}
