package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-userinfo-post-header: POST with the access token in the Authorization header (OIDC Core §5.3.1). */
@DisplayName("oidcc-userinfo-post-header")
class OidccUserinfoPostHeaderTest extends ConformanceTest {

    @Test
    @DisplayName("POST with Bearer header: 200 JSON with the ID token's sub")
    void userInfoWhenPostWithBearerHeaderThenClaimsWithSameSub() {
        CompletedFlow flow = signIn(registerClient());
        HttpResponse<String> response = harness.userInfo().postWithHeader(flow.accessToken());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.object(response.body()).get("sub")).isEqualTo(flow.sub());
    }
}
