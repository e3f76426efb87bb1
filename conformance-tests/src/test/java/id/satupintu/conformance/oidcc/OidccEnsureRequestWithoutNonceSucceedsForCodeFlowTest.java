package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-ensure-request-without-nonce-succeeds-for-code-flow: nonce is optional in the code flow (OIDC Core §3.1.2.1). */
@DisplayName("oidcc-ensure-request-without-nonce-succeeds-for-code-flow")
class OidccEnsureRequestWithoutNonceSucceedsForCodeFlowTest extends ConformanceTest {

    @Test
    @DisplayName("no nonce: the flow succeeds and the ID token has no nonce")
    void codeFlowWhenNonceOmittedThenSucceedsWithoutNonceClaim() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).without("nonce"));
        assertThat(flow.idToken().getClaim("nonce")).isNull();
    }
}
