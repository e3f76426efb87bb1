package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * UserInfo refuses tokens that are no longer, or never were, valid with 401 and a Bearer
 * invalid_token challenge (RFC 6750 §3.1); introspection agrees (RFC 7662).
 */
@DisplayName("access token rejection at UserInfo")
class AccessTokenRejectionTest extends ConformanceTest {

    @Test
    @DisplayName("revoked access token (RFC 7009): introspection inactive, UserInfo 401 invalid_token")
    void userInfoWhenAccessTokenRevokedThenInvalidToken() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(client);
        assertThat(harness.tokens().revoke(client, flow.accessToken())).isEqualTo(200);
        assertThat(harness.tokens().isActive(client, flow.accessToken())).isFalse();
        assertInvalidTokenChallenge(harness.userInfo().get(flow.accessToken()));
    }

    @Test
    @DisplayName("revoked refresh token: refresh refused with invalid_grant, the grant's access token inactive")
    void refreshWhenRefreshTokenRevokedThenInvalidGrant() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid offline_access")
                .set("prompt", "consent"));
        assertThat(flow.refreshToken()).isNotBlank();
        assertThat(harness.tokens().revoke(client, flow.refreshToken())).isEqualTo(200);
        assertThat(harness.tokens().refresh(client, flow.refreshToken()).error()).isEqualTo("invalid_grant");
        // RFC 7009 §2.1: access tokens of the same grant SHOULD go with it
        assertThat(harness.tokens().isActive(client, flow.accessToken())).as("access token of the revoked grant").isFalse();
    }

    @Test
    @DisplayName("access token with a tampered signature: UserInfo 401 invalid_token")
    void userInfoWhenTokenTamperedThenInvalidToken() {
        CompletedFlow flow = signIn(registerClient());
        String token = flow.accessToken();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertInvalidTokenChallenge(harness.userInfo().get(tampered));
    }

    @Test
    @DisplayName("made-up token: UserInfo 401 invalid_token")
    void userInfoWhenTokenUnknownThenInvalidToken() {
        assertInvalidTokenChallenge(harness.userInfo().get("no-such-token"));
    }

    @Test
    @DisplayName("another client cannot revoke a client's token (RFC 7009 §2.1)")
    void revokeWhenOtherClientThenTokenStaysActive() {
        TestClient owner = registerClient();
        TestClient other = registerClient();
        CompletedFlow flow = signIn(owner);
        harness.tokens().revoke(other, flow.accessToken());
        assertThat(harness.tokens().isActive(owner, flow.accessToken())).isTrue();
    }

    @Test
    @DisplayName("client_credentials token (no citizen, no openid scope) at UserInfo: refused")
    void userInfoWhenClientCredentialsTokenThenRefused() {
        TestClient client = registerClient(ClientSpec.confidential()
                .set("grant_types", List.of("authorization_code", "client_credentials")));
        var tokens = harness.tokens().request(client, FormData.of("grant_type", "client_credentials"));
        if (tokens.status() != 200) {
            assertThat(tokens.error()).isIn("unauthorized_client", "invalid_scope");
            return;
        }
        var response = harness.userInfo().get(tokens.accessToken());
        assertThat(response.statusCode()).isIn(401, 403);
    }

    @Test
    @DisplayName("introspection without client authentication: 401")
    void introspectWhenNoClientAuthenticationThenUnauthorized() {
        var response = BackChannel.postForm(
                harness.discovery().introspectionEndpoint(), FormData.of("token", "anything"));
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
