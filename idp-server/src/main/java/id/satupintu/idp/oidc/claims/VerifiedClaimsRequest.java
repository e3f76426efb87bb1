package id.satupintu.idp.oidc.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code verified_claims} request (OpenID Connect for Identity Assurance 1.0, "Requesting
 * Verified Claims"): the claims wanted inside it ({@code claims}: each null or a §5.5.1 object, at
 * least one) and the verification elements asked for, with the constraints this server evaluates:
 * a {@code value}/{@code values} on {@code trust_framework} and on each {@code evidence} entry's
 * {@code type}, and {@code max_age} (seconds) on {@code time}. A constraint it cannot meet makes it
 * leave the whole {@code verified_claims} out.
 *
 * @param verificationElements the names requested inside {@code verification} ({@code time},
 *        {@code evidence}, ...); empty when the request had no {@code verification} element
 */
public record VerifiedClaimsRequest(Map<String, IndividualClaimRequest> claims,
                                    List<String> verificationElements,
                                    IndividualClaimRequest trustFramework,
                                    List<IndividualClaimRequest> evidenceTypes,
                                    Long timeMaxAgeSeconds) {

    public VerifiedClaimsRequest {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        verificationElements = List.copyOf(verificationElements);
        evidenceTypes = List.copyOf(evidenceTypes);
    }

    /** @param json one {@code verified_claims} object */
    static VerifiedClaimsRequest parse(Object json) {
        if (!(json instanceof Map<?, ?> object)) {
            throw new MalformedClaimsRequestException("verified_claims must be an object or an array of objects");
        }
        Object claimsJson = object.get("claims");
        if (!(claimsJson instanceof Map<?, ?> claimsObject) || claimsObject.isEmpty()) {
            throw new MalformedClaimsRequestException("verified_claims.claims must be a non-empty object");
        }
        Map<String, IndividualClaimRequest> claims = new LinkedHashMap<>();
        claimsObject.forEach((name, request) ->
                claims.put(String.valueOf(name), IndividualClaimRequest.parse("verified_claims.claims." + name, request)));
        Object verificationJson = object.get("verification");
        if (verificationJson == null) {
            return new VerifiedClaimsRequest(claims, List.of(), IndividualClaimRequest.ANY, List.of(), null);
        }
        if (!(verificationJson instanceof Map<?, ?> verification)) {
            throw new MalformedClaimsRequestException("verified_claims.verification must be an object");
        }
        List<String> elements = verification.keySet().stream().map(String::valueOf).toList();
        IndividualClaimRequest trustFramework = IndividualClaimRequest.parse("verification.trust_framework",
                verification.get("trust_framework"));
        return new VerifiedClaimsRequest(claims, elements, trustFramework, evidenceTypes(verification.get("evidence")),
                timeMaxAge(verification.get("time")));
    }

    private static Long timeMaxAge(Object timeJson) {
        if (timeJson == null) {
            return null;
        }
        if (!(timeJson instanceof Map<?, ?> time)) {
            throw new MalformedClaimsRequestException("verification.time must be null or an object");
        }
        Object maxAge = time.get("max_age");
        if (maxAge == null) {
            return null;
        }
        if (!(maxAge instanceof Number number) || number.longValue() < 0) {
            throw new MalformedClaimsRequestException("verification.time.max_age must be a non-negative number");
        }
        return number.longValue();
    }

    private static List<IndividualClaimRequest> evidenceTypes(Object evidenceJson) {
        if (evidenceJson == null) {
            return List.of();
        }
        if (!(evidenceJson instanceof List<?> evidence)) {
            throw new MalformedClaimsRequestException("verification.evidence must be an array");
        }
        List<IndividualClaimRequest> types = new ArrayList<>();
        for (Object entry : evidence) {
            if (!(entry instanceof Map<?, ?> entryObject)) {
                throw new MalformedClaimsRequestException("verification.evidence entries must be objects");
            }
            types.add(IndividualClaimRequest.parse("verification.evidence.type", entryObject.get("type")));
        }
        return types;
    }

    /** @return whether the verification element was requested by name, or no verification element was sent */
    public boolean wantsVerificationElement(String name) {
        return verificationElements.isEmpty() || verificationElements.contains(name);
    }
}
