package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-refresh-token: a refresh token is issued for offline_access, works, is bound to its
 * client, and an ID token from a refresh keeps iss, sub and aud (OIDC Core §12). SatuPintu
 * also rotates refresh tokens and treats reuse as theft (RFC 9700 §4.14.2).
 */
@DisplayName("oidcc-refresh-token")
class OidccRefreshTokenTest extends ConformanceTest {

    /** Signs in with offline_access and prompt=consent, as the module does. */
    private static CompletedFlow offlineFlow(TestClient client) {
        return signIn(newBrowser(), client, request(client).scope("openid offline_access").set("prompt", "consent"));
    }

    @Test
    @DisplayName("refresh: new access token works, refresh token rotated, ID token keeps iss/sub/aud")
    void refreshWhenValidThenNewTokensAndConsistentIdToken() {
        TestClient client = registerClient();
        CompletedFlow flow = offlineFlow(client);
        assertThat(flow.refreshToken()).as("refresh token").isNotBlank().matches("[\\x20-\\x7E]+");

        TokenResponse refreshed = harness.tokens().refresh(client, flow.refreshToken()).assertSuccess();

        assertThat(refreshed.accessToken()).isNotEqualTo(flow.accessToken());
        assertThat(refreshed.refreshToken()).as("rotated refresh token").isNotBlank().isNotEqualTo(flow.refreshToken());
        assertThat(userInfo(refreshed.accessToken()).get("sub")).isEqualTo(flow.sub());
        if (refreshed.idToken() != null) {
            JWTClaimsSet renewed = harness.idTokens().verify(refreshed.idToken(), client);
            assertThat(renewed.getIssuer()).isEqualTo(flow.idToken().getIssuer());
            assertThat(renewed.getSubject()).isEqualTo(flow.sub());
            assertThat(renewed.getAudience()).isEqualTo(flow.idToken().getAudience());
        }
    }

    @Test
    @DisplayName("another client's refresh token: invalid_grant (bound to its client, RFC 6749 §6)")
    void refreshWhenPresentedByOtherClientThenInvalidGrant() {
        TestClient owner = registerClient();
        TestClient other = registerClient();
        CompletedFlow flow = offlineFlow(owner);
        TokenResponse refused = harness.tokens().refresh(other, flow.refreshToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_grant");
        assertThat(harness.tokens().refresh(owner, flow.refreshToken()).status())
                .as("the owner can still refresh").isEqualTo(200);
    }

    @Test
    @DisplayName("reused refresh token: invalid_grant and the whole grant is revoked (newest refresh and access tokens)")
    void refreshWhenRotatedTokenReusedThenGrantRevoked() {
        TestClient client = registerClient();
        CompletedFlow flow = offlineFlow(client);
        TokenResponse rotated = harness.tokens().refresh(client, flow.refreshToken()).assertSuccess();

        TokenResponse reuse = harness.tokens().refresh(client, flow.refreshToken());

        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.error()).isEqualTo("invalid_grant");
        assertThat(harness.tokens().refresh(client, rotated.refreshToken()).error())
                .as("newest refresh token after reuse").isEqualTo("invalid_grant");
        assertThat(harness.tokens().isActive(client, rotated.accessToken())).as("newest access token").isFalse();
        assertThat(harness.tokens().isActive(client, flow.accessToken())).as("first access token").isFalse();
        assertInvalidTokenChallenge(harness.userInfo().get(rotated.accessToken()));
    }

    @Test
    @DisplayName("made-up refresh token: invalid_grant")
    void refreshWhenUnknownTokenThenInvalidGrant() {
        TokenResponse refused = harness.tokens().refresh(registerClient(), "no-such-refresh-token");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("client registered without the refresh_token grant: no refresh token issued")
    void codeFlowWhenClientLacksRefreshGrantThenNoRefreshToken() {
        TestClient client = registerClient(ClientSpec.confidential()
                .set("grant_types", List.of("authorization_code")));
        assertThat(offlineFlow(client).refreshToken()).isNull();
    }
}
