package id.satupintu.conformance.oidcc;

import id.satupintu.conformance.ConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-scope-address: scope "openid address" yields the address claims at UserInfo and no others (OIDC Core §5.4). */
@DisplayName("oidcc-scope-address")
class OidccScopeAddressTest extends ConformanceTest {

    @Test
    @DisplayName("scope openid address: UserInfo returns address claims and none of the other scopes'")
    void userInfoWhenScopeAddressThenOnlyAddressClaims() {
        StandardScopeClaims.assertScopeYieldsItsClaims("openid address");
    }
}
