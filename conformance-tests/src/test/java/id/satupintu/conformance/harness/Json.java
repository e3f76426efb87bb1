package id.satupintu.conformance.harness;

import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/** JSON in and out of HTTP bodies, through the parser Nimbus already ships. */
public final class Json {

    private Json() {
    }

    /** @throws AssertionError when the body is not a JSON object: for these tests that is a protocol failure */
    public static Map<String, Object> object(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new AssertionError("expected a JSON object but got: " + abbreviate(body), e);
        }
    }

    public static String write(Map<String, ?> object) {
        return JSONObjectUtils.toJSONString(object);
    }

    @SuppressWarnings("unchecked")
    public static List<String> stringList(Map<String, Object> object, String member) {
        Object value = object.get(member);
        return value == null ? List.of() : (List<String>) value;
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
