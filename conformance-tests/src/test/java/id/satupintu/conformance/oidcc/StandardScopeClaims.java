package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;

/**
 * The claims each standard scope asks for (OIDC Core §5.4), and the check the oidcc-scope-*
 * modules make: requested scopes yield their claims at UserInfo, and scopes not requested
 * yield none of theirs.
 */
final class StandardScopeClaims extends ConformanceTest { // for the shared flow helpers only; holds no tests

    static final Map<String, List<String>> CLAIMS = Map.of(
            "profile", List.of("name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", List.of("email", "email_verified"),
            "address", List.of("address"),
            "phone", List.of("phone_number", "phone_number_verified"));

    private StandardScopeClaims() {
    }

    /** Runs a code flow requesting {@code scope} and asserts UserInfo answers with exactly the matching claim groups. */
    static Map<String, Object> assertScopeYieldsItsClaims(String scope) {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope(scope));
        Set<String> requested = Arrays.stream(scope.split(" ")).collect(Collectors.toSet());
        if (flow.tokens().scope() != null) {
            assertThat(flow.tokens().scope().split(" ")).as("granted scope").contains(requested.toArray(String[]::new));
        }
        Map<String, Object> claims = userInfo(flow.accessToken());
        assertThat(claims.get("sub")).isEqualTo(flow.sub());
        CLAIMS.forEach((standardScope, names) -> {
            if (requested.contains(standardScope)) {
                assertThat(claims.keySet()).as("claims for scope " + standardScope).containsAnyElementsOf(names);
            } else {
                assertThat(claims.keySet()).as("claims of the scope " + standardScope + " that was not requested")
                        .doesNotContainAnyElementsOf(names);
            }
        });
        return claims;
    }
}
