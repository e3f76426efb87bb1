package id.satupintu.idp.oidc.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One member of the {@code claims} parameter, {@code userinfo} or {@code id_token} (OIDC Core §5.5):
 * the individual claims requested for that destination, and the {@code verified_claims} requests
 * (OIDC4IDA) in it.
 */
public record RequestedClaims(Map<String, IndividualClaimRequest> individual,
                              List<VerifiedClaimsRequest> verifiedClaims) {

    public static final RequestedClaims NONE = new RequestedClaims(Map.of(), List.of());

    static final String VERIFIED_CLAIMS = "verified_claims";

    public RequestedClaims {
        individual = Collections.unmodifiableMap(new LinkedHashMap<>(individual));
        verifiedClaims = List.copyOf(verifiedClaims);
    }

    static RequestedClaims parse(String member, Object json) {
        if (json == null) {
            return NONE;
        }
        if (!(json instanceof Map<?, ?> object)) {
            throw new MalformedClaimsRequestException(member + " must be a JSON object");
        }
        Map<String, IndividualClaimRequest> individual = new LinkedHashMap<>();
        List<VerifiedClaimsRequest> verified = new ArrayList<>();
        for (Map.Entry<?, ?> claim : object.entrySet()) {
            String name = String.valueOf(claim.getKey());
            if (VERIFIED_CLAIMS.equals(name)) {
                if (claim.getValue() instanceof List<?> list) {
                    list.forEach(entry -> verified.add(VerifiedClaimsRequest.parse(entry)));
                } else {
                    verified.add(VerifiedClaimsRequest.parse(claim.getValue()));
                }
            } else {
                individual.put(name, IndividualClaimRequest.parse(member + "." + name, claim.getValue()));
            }
        }
        return new RequestedClaims(individual, verified);
    }

    public boolean isEmpty() {
        return individual.isEmpty() && verifiedClaims.isEmpty();
    }
}
