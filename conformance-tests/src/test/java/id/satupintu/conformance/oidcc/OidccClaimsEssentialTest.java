package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-claims-essential: the claims parameter asks for name at UserInfo as essential; the
 * request must succeed (OIDC Core §5.5). The module only warns when name is missing; this server
 * supports the claims parameter but releases a claim only within the scopes the citizen consented
 * to, so name comes with scope profile and not without it ("essential" is advisory, §5.5.1).
 */
@DisplayName("oidcc-claims-essential")
class OidccClaimsEssentialTest extends ConformanceTest {

    private static final String ESSENTIAL_NAME = "{\"userinfo\":{\"name\":{\"essential\":true}}}";

    @Test
    @DisplayName("claims={userinfo:{name:{essential:true}}}: the flow succeeds")
    void codeFlowWhenNameRequestedEssentialThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("claims", ESSENTIAL_NAME));
        assertThat(userInfo(flow.accessToken()).get("sub")).isEqualTo(flow.sub());
    }

    @Test
    @DisplayName("name essential with scope profile consented: name at UserInfo")
    void userInfoWhenNameEssentialAndProfileConsentedThenName() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile").set("claims", ESSENTIAL_NAME));
        assertThat(userInfo(flow.accessToken())).containsEntry("name", "Siti Rahayu");
    }

    @Test
    @DisplayName("name essential without scope profile: no error, and no name (consent decides)")
    void userInfoWhenNameEssentialWithoutProfileThenOnlyScopedClaimsReleased() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).set("scope", "openid").set("claims", ESSENTIAL_NAME));
        assertThat(userInfo(flow.accessToken())).containsKey("sub").doesNotContainKey("name");
        assertThat(flow.idToken().getClaim("name")).as("name in the ID token").isNull();
    }

    @Test
    @DisplayName("claims parameter that is not JSON: invalid_request, or ignored when unsupported; never a 500")
    void authorizeWhenClaimsParameterMalformedThenInvalidRequestOrIgnored() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).set("claims", "{not json");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        if (Boolean.TRUE.equals(harness.discovery().metadata().get("claims_parameter_supported"))) {
            assertErrorRedirect(authorization, request, "invalid_request");
        } else {
            assertThat(harness.codeFlow().checkedResponse(authorization, request).code()).isNotBlank();
        }
    }
}
