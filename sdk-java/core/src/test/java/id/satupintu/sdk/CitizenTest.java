package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitizenTest {

    private static SatuPintuConfig config(String roleClaim, String principalClaim) {
        Map<String, String> values = new HashMap<>();
        values.put("satupintu.issuer", "https://id.satupintu.go.id");
        values.put("satupintu.client-id", "app");
        values.put("satupintu.role-claim", roleClaim);
        values.put("satupintu.principal-claim", principalClaim);
        return SatuPintuConfig.from(values);
    }

    private static Login login(String claimsJson) {
        return new Login("sub-1", "sid", "id", "at", Instant.now(), null, Claims.parse(claimsJson), null, Instant.now());
    }

    @Test
    void ofWhenRoleClaimIsArrayThenRolesAndPrincipalFromClaims() {
        Citizen citizen = Citizen.of(login("{\"sub\":\"sub-1\",\"email\":\"s@x.id\",\"roles\":[\"staff\",\"admin\"]}"),
                config("roles", "email"));

        assertThat(citizen.getName()).isEqualTo("s@x.id");
        assertThat(citizen.roles()).containsExactlyInAnyOrder("staff", "admin");
        assertThat(citizen.hasRole("admin")).isTrue();
        assertThat(citizen.hasRole("root")).isFalse();
    }

    @Test
    void ofWhenRoleClaimIsStringThenSplitOnSpacesAndCommas() {
        Citizen citizen = Citizen.of(login("{\"groups\":\"staff, admin  auditor\"}"), config("groups", "sub"));

        assertThat(citizen.roles()).containsExactlyInAnyOrder("staff", "admin", "auditor");
    }

    @Test
    void ofWhenRoleClaimIsDottedPathThenNestedRoles() {
        Citizen citizen = Citizen.of(login("{\"realm_access\":{\"roles\":[\"officer\"]}}"), config("realm_access.roles", "sub"));

        assertThat(citizen.roles()).containsExactly("officer");
    }

    @Test
    void ofWhenPrincipalAndRoleClaimsAbsentThenSubjectAndNoRoles() {
        Citizen citizen = Citizen.of(login("{\"sub\":\"sub-1\"}"), config("roles", "email"));

        assertThat(citizen.getName()).isEqualTo("sub-1");
        assertThat(citizen.roles()).isEmpty();
    }
}
