package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-userinfo-post-body: POST with the access token as a form parameter (RFC 6750 §2.2).
 * Support is optional; the module accepts a clean refusal. What it must never be is a server
 * error, or claims for somebody else.
 */
@DisplayName("oidcc-userinfo-post-body")
class OidccUserinfoPostBodyTest extends ConformanceTest {

    @Test
    @DisplayName("POST with access_token in the body: the citizen's claims, or a 401 Bearer refusal")
    void userInfoWhenTokenInBodyThenClaimsOrCleanRefusal() {
        CompletedFlow flow = signIn(registerClient());
        HttpResponse<String> response = harness.userInfo().postWithBody(flow.accessToken());
        if (response.statusCode() == 200) {
            assertThat(Json.object(response.body()).get("sub")).isEqualTo(flow.sub());
        } else {
            assertThat(response.statusCode()).as("refusal status").isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }
}
