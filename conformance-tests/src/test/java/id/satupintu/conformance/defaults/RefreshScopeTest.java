package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A refresh may narrow the scope but never widen it (RFC 6749 §6). */
@DisplayName("refresh token scope")
class RefreshScopeTest extends ConformanceTest {

    private static CompletedFlow offlineFlow(TestClient client) {
        return signIn(newBrowser(), client, request(client).scope("openid profile offline_access")
                .set("prompt", "consent"));
    }

    @Test
    @DisplayName("refresh asking for fewer scopes: the new access token has only those, and UserInfo answers accordingly")
    void refreshWhenScopeNarrowedThenNarrowerToken() {
        TestClient client = registerClient();
        CompletedFlow flow = offlineFlow(client);
        TokenResponse narrowed = harness.tokens().request(client, FormData.of("grant_type", "refresh_token",
                "refresh_token", flow.refreshToken(), "scope", "openid")).assertSuccess();
        assertThat(String.valueOf(harness.tokens().introspect(client, narrowed.accessToken()).get("scope")))
                .as("scope of the narrowed access token").isEqualTo("openid");
        assertThat(userInfo(narrowed.accessToken())).as("UserInfo for the narrowed token").doesNotContainKey("name");
    }

    @Test
    @DisplayName("refresh asking for a scope never granted: invalid_scope")
    void refreshWhenScopeWidenedThenInvalidScope() {
        TestClient client = registerClient();
        CompletedFlow flow = offlineFlow(client);
        TokenResponse widened = harness.tokens().request(client, FormData.of("grant_type", "refresh_token",
                "refresh_token", flow.refreshToken(), "scope", "openid profile email"));
        assertThat(widened.status()).isEqualTo(400);
        assertThat(widened.error()).isEqualTo("invalid_scope");
    }
}
