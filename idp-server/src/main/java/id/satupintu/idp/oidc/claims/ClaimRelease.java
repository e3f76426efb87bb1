package id.satupintu.idp.oidc.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.StandardClaims;

/**
 * Which of a citizen's claims go to a client, for one destination. The rule is one: a claim is
 * released only when the scope that covers it ({@link StandardClaims#CLAIMS_OF_SCOPE}) is among the
 * allowed scopes, i.e. the scopes of the token that the client is still registered for, which the
 * citizen consented to. The {@code claims} parameter (OIDC Core §5.5) selects among those; it never
 * widens them.
 * <ul>
 * <li>UserInfo: the claims of the allowed scopes (§5.4), plus any {@code verified_claims} requested
 *     for {@code userinfo};</li>
 * <li>ID token: the code flow returns scope claims from UserInfo (§5.4), so only the claims the
 *     {@code id_token} member names, plus any {@code verified_claims} requested for it.</li>
 * </ul>
 * {@code essential} never causes an error: what cannot be released is left out (§5.5.1).
 * {@code value}/{@code values} on an individual claim filter it: a claim whose value differs is left out.
 */
public final class ClaimRelease {

    private ClaimRelease() {
    }

    public static Map<String, Object> forUserInfo(CitizenClaims citizen, Set<String> allowedScopes,
                                                  RequestedClaims requested) {
        Map<String, Object> released = new LinkedHashMap<>(citizen.forScopes(allowedScopes));
        requested.individual().forEach((name, individual) -> {
            if (released.containsKey(name) && !individual.accepts(released.get(name))) {
                released.remove(name);
            }
        });
        addVerifiedClaims(released, citizen, allowedScopes, requested);
        return released;
    }

    public static Map<String, Object> forIdToken(CitizenClaims citizen, Set<String> allowedScopes,
                                                 RequestedClaims requested) {
        Map<String, Object> released = new LinkedHashMap<>();
        requested.individual().forEach((name, individual) -> {
            Object value = citizen.standard().get(name);
            if (value != null && StandardClaims.scopeCovering(name).filter(allowedScopes::contains).isPresent()
                    && individual.accepts(value)) {
                released.put(name, value);
            }
        });
        addVerifiedClaims(released, citizen, allowedScopes, requested);
        return released;
    }

    /** One requested {@code verified_claims} gives an object, several an array (OIDC4IDA). */
    private static void addVerifiedClaims(Map<String, Object> released, CitizenClaims citizen,
                                          Set<String> allowedScopes, RequestedClaims requested) {
        List<Map<String, Object>> verified = new ArrayList<>();
        for (VerifiedClaimsRequest request : requested.verifiedClaims()) {
            VerifiedClaimsAssembler.assemble(request, citizen, allowedScopes, Instant.now()).ifPresent(verified::add);
        }
        if (verified.size() == 1) {
            released.put(RequestedClaims.VERIFIED_CLAIMS, verified.get(0));
        } else if (!verified.isEmpty()) {
            released.put(RequestedClaims.VERIFIED_CLAIMS, verified);
        }
    }

    /** @return whether the released claims hold the NIK or family card number, anywhere */
    static boolean releasesNik(Map<String, Object> released) {
        if (containsNik(released)) {
            return true;
        }
        Object verified = released.get(RequestedClaims.VERIFIED_CLAIMS);
        List<?> elements = verified instanceof List<?> list ? list : verified == null ? List.of() : List.of(verified);
        return elements.stream().anyMatch(element -> element instanceof Map<?, ?> map
                && map.get("claims") instanceof Map<?, ?> claims && containsNik(claims));
    }

    private static boolean containsNik(Map<?, ?> claims) {
        return StandardClaims.CLAIMS_OF_SCOPE.get(StandardClaims.NIK_SCOPE).stream().anyMatch(claims::containsKey);
    }
}
