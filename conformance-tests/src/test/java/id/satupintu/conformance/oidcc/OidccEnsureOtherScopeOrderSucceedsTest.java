package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-ensure-other-scope-order-succeeds: scope is a set, its order does not matter (RFC 6749 §3.3). */
@DisplayName("oidcc-ensure-other-scope-order-succeeds")
class OidccEnsureOtherScopeOrderSucceedsTest extends ConformanceTest {

    @Test
    @DisplayName("\"openid email\" then \"email openid\": both succeed for the same citizen")
    void codeFlowWhenScopeOrderReversedThenBothSucceedWithSameSub() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow first = signIn(browser, client, request(client).scope("openid email"));
        CompletedFlow second = signIn(browser, client, request(client).scope("email openid"));
        assertThat(second.sub()).isEqualTo(first.sub());
    }
}
