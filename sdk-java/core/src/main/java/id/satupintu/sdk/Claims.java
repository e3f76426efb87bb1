package id.satupintu.sdk;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.Serializable;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        if (json == null) {
            throw new IllegalArgumentException("claims: no JSON text");
        }
        Claims claims = new Claims(json);
        claims.asMap();
        return claims;
    }

    public static Claims of(Map<String, Object> claims) {
        return new Claims(JSONObjectUtils.toJSONString(claims));
    }

    /** @return the string claim, empty when absent or not a string */
    public Optional<String> string(String name) {
        return asMap().get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }

    /**
     * @return a string-array claim; a single string becomes a one-element list; empty when absent.
     *         Non-string members of an array are skipped.
     */
    public List<String> strings(String name) {
        Object value = asMap().get(name);
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** @return a NumericDate claim (seconds since the epoch, RFC 7519 §2); empty when absent or not a number */
    public Optional<Instant> instant(String name) {
        return asMap().get(name) instanceof Number seconds
                ? Optional.of(Instant.ofEpochSecond(seconds.longValue()))
                : Optional.empty();
    }

    /** @return the claims as an unmodifiable map of JSON values (String, Number, Boolean, List, Map) */
    public Map<String, Object> asMap() {
        Map<String, Object> map = parsed;
        if (map == null) {
            try {
                map = frozenMap(JSONObjectUtils.parse(json));
            } catch (ParseException e) {
                // the message of the JSON parser can quote the text, which may be personal data
                throw new IllegalArgumentException("claims: not a JSON object");
            }
            parsed = map;
        }
        return map;
    }

    /** Deep read-only copy, so that no caller can change claims another caller reads. */
    private static Map<String, Object> frozenMap(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> copy.put(String.valueOf(key), frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(member -> copy.add(frozen(member)));
            return Collections.unmodifiableList(copy);
        }
        return value;
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
