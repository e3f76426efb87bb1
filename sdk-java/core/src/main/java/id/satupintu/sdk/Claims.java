package id.satupintu.sdk;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, serializable set of JSON claims (from an ID token, userinfo or an access token),
 * with typed readers. Kept as its JSON text so it survives container session persistence.
 */
public final class Claims implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String json;
    private transient volatile Map<String, Object> parsed;

    private Claims(String json) {
        this.json = json;
    }

    /** @throws IllegalArgumentException when the text is not a JSON object */
    public static Claims parse(String json) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public static Claims of(Map<String, Object> claims) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the string claim, empty when absent or not a string */
    public Optional<String> string(String name) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return a string-array claim; a single string becomes a one-element list; empty when absent */
    public List<String> strings(String name) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return a NumericDate claim (seconds since the epoch) */
    public Optional<Instant> instant(String name) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the claims as an unmodifiable map of JSON values (String, Number, Boolean, List, Map) */
    public Map<String, Object> asMap() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public String json() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Claims claims && claims.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    /** Claims can hold personal data: never printed. */
    @Override
    public String toString() {
        return "Claims[...]";
    }
}
