package id.satupintu.idp.oidc.claims;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one claim is requested (OIDC Core §5.5.1): {@code null} ("return it if you can") or an object
 * with {@code essential}, {@code value} or {@code values}. {@code essential} is advisory here: a
 * claim that is not available or not consented to is simply left out (§5.5.1: "the Authorization
 * Server ... MUST NOT generate an error").
 */
public record IndividualClaimRequest(boolean essential, Object value, List<Object> values) {

    /** The {@code null} request: the claim, whatever its value. */
    public static final IndividualClaimRequest ANY = new IndividualClaimRequest(false, null, List.of());

    public IndividualClaimRequest {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * @param name the claim's name, for the error description
     * @param json the member's value: null or a JSON object
     */
    static IndividualClaimRequest parse(String name, Object json) {
        if (json == null) {
            return ANY;
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new MalformedClaimsRequestException(name + " must be null or a JSON object");
        }
        Object essential = object.get("essential");
        if (essential != null && !(essential instanceof Boolean)) {
            throw new MalformedClaimsRequestException(name + ".essential must be a boolean");
        }
        Object values = object.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw new MalformedClaimsRequestException(name + ".values must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> valueList = values == null ? List.of() : ((List<Object>) values).stream()
                .filter(Objects::nonNull).toList();
        return new IndividualClaimRequest(Boolean.TRUE.equals(essential), object.get("value"), valueList);
    }

    /** @return whether a value the server holds satisfies {@code value}/{@code values}, if either was given */
    public boolean accepts(Object held) {
        if (value != null) {
            return value.equals(held);
        }
        return values.isEmpty() || values.contains(held);
    }
}
