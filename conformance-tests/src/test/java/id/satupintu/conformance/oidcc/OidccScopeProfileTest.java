package id.satupintu.conformance.oidcc;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-scope-profile: scope "openid profile" yields the profile claims at UserInfo and no others (OIDC Core §5.4). */
@DisplayName("oidcc-scope-profile")
class OidccScopeProfileTest extends ConformanceTest {

    @Test
    @DisplayName("scope openid profile: UserInfo returns profile claims and none of the other scopes'")
    void userInfoWhenScopeProfileThenOnlyProfileClaims() {
        StandardScopeClaims.assertScopeYieldsItsClaims("openid profile");
    }
}
