package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-display-page: display=page is accepted and the flow completes (OIDC Core §3.1.2.1). */
@DisplayName("oidcc-display-page")
class OidccDisplayPageTest extends ConformanceTest {

    @Test
    @DisplayName("display=page: login shown and the flow succeeds")
    void codeFlowWhenDisplayPageThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("display", "page"));
        assertThat(flow.authorization().loginShown()).isTrue();
    }
}
