package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-ensure-request-with-valid-pkce-succeeds: a correct S256 challenge and verifier succeed (RFC 7636 §4). */
@DisplayName("oidcc-ensure-request-with-valid-pkce-succeeds")
class OidccEnsureRequestWithValidPkceSucceedsTest extends ConformanceTest {

    @Test
    @DisplayName("S256 challenge, matching verifier of maximum length (128): tokens issued")
    void codeFlowWhenValidPkceThenSucceeds() {
        TestClient client = registerClient();
        String verifier = "a".repeat(64) + "-._~" + "Z9".repeat(30);
        AuthorizationRequest request = request(client).withCodeVerifier(verifier);
        CompletedFlow flow = signIn(newBrowser(), client, request);
        assertThat(verifier).hasSize(128);
        assertThat(flow.accessToken()).isNotBlank();
    }
}
