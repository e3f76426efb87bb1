package id.satupintu.conformance.oidcc;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-scope-phone: scope "openid phone" yields the phone claims at UserInfo and no others (OIDC Core §5.4). */
@DisplayName("oidcc-scope-phone")
class OidccScopePhoneTest extends ConformanceTest {

    @Test
    @DisplayName("scope openid phone: UserInfo returns phone claims and none of the other scopes'")
    void userInfoWhenScopePhoneThenOnlyPhoneClaims() {
        StandardScopeClaims.assertScopeYieldsItsClaims("openid phone");
    }
}
