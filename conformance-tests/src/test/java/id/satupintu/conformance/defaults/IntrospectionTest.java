package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Token introspection (RFC 7662) of live tokens, for the client they were issued to. */
@DisplayName("token introspection")
class IntrospectionTest extends ConformanceTest {

    @Test
    @DisplayName("live access token: active, with client_id, the pairwise sub, scope and exp")
    void introspectWhenAccessTokenLiveThenActiveWithItsClaims() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(client);
        Map<String, Object> introspection = harness.tokens().introspect(client, flow.accessToken());
        assertThat(introspection.get("active")).isEqualTo(true);
        assertThat(introspection.get("client_id")).isEqualTo(client.clientId());
        assertThat(introspection.get("sub")).as("sub, the same pairwise value as the ID token's").isEqualTo(flow.sub());
        assertThat(String.valueOf(introspection.get("scope")).split(" ")).contains("openid");
        assertThat(introspection.get("exp")).isInstanceOf(Number.class);
    }

    @Test
    @DisplayName("live refresh token: active for its client")
    void introspectWhenRefreshTokenLiveThenActive() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid offline_access")
                .set("prompt", "consent"));
        assertThat(harness.tokens().isActive(client, flow.refreshToken())).isTrue();
    }

    @Test
    @DisplayName("made-up token: active false, nothing else (RFC 7662 §2.2)")
    void introspectWhenTokenUnknownThenInactiveOnly() {
        Map<String, Object> introspection = harness.tokens().introspect(registerClient(), "no-such-token");
        assertThat(introspection).containsOnlyKeys("active");
        assertThat(introspection.get("active")).isEqualTo(false);
    }
}
