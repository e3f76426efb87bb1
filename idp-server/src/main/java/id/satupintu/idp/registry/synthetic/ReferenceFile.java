package id.satupintu.idp.registry.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of the synthetic registry's reference files under {@code registry/} on the class path:
 * semicolon-separated rows, with blank lines and {@code #} comments skipped. The files are data a
 * reviewer can check against the official lists, which is why they are not Java constants.
 */
final class ReferenceFile {

    private ReferenceFile() {
    }

    /** @return the rows of {@code registry/<name>}, each split on {@code ;} keeping empty fields */
    static List<String[]> rows(String name) {
        String resource = "registry/" + name;
        InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference file missing from the class path: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] fields = trimmed.split(";", -1);
                    for (int i = 0; i < fields.length; i++) {
                        fields[i] = fields[i].strip();
                    }
                    rows.add(fields);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return rows;
    }

    /** @return {@code key:weight} pairs of a comma-separated list, in order */
    static List<Weighted<String>> weights(String list) {
        List<Weighted<String>> result = new ArrayList<>();
        for (String pair : list.split(",")) {
            String[] parts = pair.strip().split(":");
            if (parts.length != 2) {
                throw new IllegalStateException("Expected key:weight, found '" + pair + "'");
            }
            result.add(new Weighted<>(parts[0].strip(), Integer.parseInt(parts[1].strip())));
        }
        return result;
    }

    /** A value with its relative weight. */
    record Weighted<T>(T value, int weight) {
    }
}
