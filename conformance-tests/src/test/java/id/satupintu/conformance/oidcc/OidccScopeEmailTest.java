package id.satupintu.conformance.oidcc;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-scope-email: scope "openid email" yields the email claims at UserInfo and no others (OIDC Core §5.4). */
@DisplayName("oidcc-scope-email")
class OidccScopeEmailTest extends ConformanceTest {

    @Test
    @DisplayName("scope openid email: UserInfo returns email claims and none of the other scopes'")
    void userInfoWhenScopeEmailThenOnlyEmailClaims() {
        StandardScopeClaims.assertScopeYieldsItsClaims("openid email");
    }
}
