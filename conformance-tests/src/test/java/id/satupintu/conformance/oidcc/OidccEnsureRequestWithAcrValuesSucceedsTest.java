package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-ensure-request-with-acr-values-succeeds: acr_values (voluntary) is accepted and the ID
 * token carries an acr the server advertises (OIDC Core §3.1.2.1, §2).
 */
@DisplayName("oidcc-ensure-request-with-acr-values-succeeds")
class OidccEnsureRequestWithAcrValuesSucceedsTest extends ConformanceTest {

    @Test
    @DisplayName("acr_values from discovery: success and acr is one of acr_values_supported")
    void codeFlowWhenAcrValuesRequestedThenSucceedsWithSupportedAcr() {
        List<String> supported = harness.discovery().list("acr_values_supported");
        assertThat(supported).as("acr_values_supported").isNotEmpty();
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).set("acr_values", String.join(" ", supported)));
        assertThat(IdTokens.stringClaim(flow.idToken(), "acr")).as("acr").isIn(supported);
    }

    @Test
    @DisplayName("acr_values the server does not know: voluntary, so the flow still succeeds with an acr")
    void codeFlowWhenUnknownAcrValuesThenSucceedsWithAcr() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("acr_values", "1 2"));
        assertThat(IdTokens.stringClaim(flow.idToken(), "acr")).isNotBlank();
    }
}
