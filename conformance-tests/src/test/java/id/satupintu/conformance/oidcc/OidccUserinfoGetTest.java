package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-userinfo-get: GET with the access token in the Authorization header (OIDC Core §5.3.1). */
@DisplayName("oidcc-userinfo-get")
class OidccUserinfoGetTest extends ConformanceTest {

    @Test
    @DisplayName("GET with Bearer header: 200 JSON with the ID token's sub")
    void userInfoWhenGetWithBearerHeaderThenClaimsWithSameSub() {
        CompletedFlow flow = signIn(registerClient());
        HttpResponse<String> response = harness.userInfo().get(flow.accessToken());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(Json.object(response.body()).get("sub")).isEqualTo(flow.sub());
    }

    @Test
    @DisplayName("GET without any token: 401 with a Bearer challenge")
    void userInfoWhenNoTokenThenUnauthorizedWithBearerChallenge() {
        HttpResponse<String> response = BackChannel.get(
                harness.discovery().userinfoEndpoint());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }
}
