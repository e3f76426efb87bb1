package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-claims-locales: claims_locales is accepted and the flow completes (OIDC Core §5.2). */
@DisplayName("oidcc-claims-locales")
class OidccClaimsLocalesTest extends ConformanceTest {

    @Test
    @DisplayName("claims_locales=id en: the flow succeeds and UserInfo answers")
    void codeFlowWhenClaimsLocalesGivenThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile").set("claims_locales", "id en"));
        assertThat(userInfo(flow.accessToken()).get("sub")).isEqualTo(flow.sub());
    }
}
