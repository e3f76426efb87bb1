package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-ensure-request-with-unknown-parameter-succeeds: unknown parameters are ignored (RFC 6749 §3.1). */
@DisplayName("oidcc-ensure-request-with-unknown-parameter-succeeds")
class OidccEnsureRequestWithUnknownParameterSucceedsTest extends ConformanceTest {

    @Test
    @DisplayName("an extra unknown parameter: the flow succeeds and the parameter is not echoed")
    void codeFlowWhenUnknownParameterThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("extra_parameter", "foobar"));
        assertThat(flow.response().parameters()).doesNotContainKey("extra_parameter");
    }
}
