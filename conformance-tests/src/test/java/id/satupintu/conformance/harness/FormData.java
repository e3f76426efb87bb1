package id.satupintu.conformance.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An ordered {@code application/x-www-form-urlencoded} body. A name may repeat, as checked
 * {@code scope} boxes on a consent page do.
 */
public final class FormData {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    public static FormData of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        FormData form = new FormData();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    public FormData add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Replaces every value of {@code name} with one value, or removes it when {@code value} is null. */
    public FormData set(String name, String value) {
        remove(name);
        return value == null ? this : add(name, value);
    }

    public FormData remove(String name) {
        fields.removeIf(field -> field.getKey().equals(name));
        return this;
    }

    public List<String> values(String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    public String encode() {
        return fields.stream()
                .map(f -> urlEncode(f.getKey()) + "=" + urlEncode(f.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Field names only: bodies carry passwords, secrets and codes that must never reach a log.
        return "FormData" + fields.stream().map(Map.Entry::getKey).toList();
    }
}
