package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-login-hint: a login_hint is accepted and the flow completes (OIDC Core §3.1.2.1). */
@DisplayName("oidcc-login-hint")
class OidccLoginHintTest extends ConformanceTest {

    @Test
    @DisplayName("login_hint with the citizen's NIK: login shown and the flow succeeds")
    void codeFlowWhenLoginHintGivenThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("login_hint", "3171016502900001"));
        assertThat(flow.authorization().loginShown()).isTrue();
    }

    @Test
    @DisplayName("login_hint that is not a NIK: ignored, the flow still succeeds")
    void codeFlowWhenLoginHintMalformedThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("login_hint", "<script>x</script>@example"));
        assertThat(flow.sub()).isNotBlank();
    }
}
