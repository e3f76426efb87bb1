package id.satupintu.keys.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads passwords and PINs from an environment variable or a file, by name. Never from an
 * argument: arguments show in {@code ps}, {@code /proc/<pid>/cmdline} and shell history.
 */
final class Secrets {

    private final Map<String, String> environment;

    Secrets(Map<String, String> environment) {
        this.environment = environment;
    }

    /** @return the variable's value, or null when it is not set */
    String fromEnvironment(String variable) {
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? null : value;
    }

    /** @throws UsageException when the variable is not set; {@code what} names the secret */
    char[] requireEnvironment(String variable, String what) {
        String value = fromEnvironment(variable);
        if (value == null) {
            throw new UsageException(what + ": environment variable " + variable + " is not set");
        }
        return value.toCharArray();
    }

    /** @return the file's first line, without its line end */
    static char[] fromFile(Path file, String what) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            return line.strip().toCharArray();
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageException(what + ": cannot read file " + file + ": " + e.getMessage());
        }
    }
}
