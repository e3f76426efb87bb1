package id.satupintu.conformance.oidcc;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-scope-all: every standard scope at once yields claims of each (OIDC Core §5.4). */
@DisplayName("oidcc-scope-all")
class OidccScopeAllTest extends ConformanceTest {

    @Test
    @DisplayName("scope openid profile email address phone: UserInfo returns claims of all four")
    void userInfoWhenAllStandardScopesThenClaimsOfEach() {
        StandardScopeClaims.assertScopeYieldsItsClaims("openid profile email address phone");
    }
}
