package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;

/**
 * What oidcc-codereuse and oidcc-codereuse-30seconds check: a code is single-use; presenting it
 * again gets invalid_grant and revokes the tokens issued from it (RFC 6749 §4.1.2, §10.5;
 * RFC 9700 §2.1.1).
 */
final class CodeReuse extends ConformanceTest { // shared flow helpers only; holds no tests

    private CodeReuse() {
    }

    static void assertSecondUseRefusedAndTokensRevoked(Duration wait) throws InterruptedException {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(client);
        assertThat(harness.tokens().isActive(client, flow.accessToken())).as("access token active before reuse").isTrue();

        Thread.sleep(wait.toMillis());
        TokenResponse reuse = harness.tokens().exchangeCode(client, flow.response().code(),
                flow.request().redirectUri(), flow.request().codeVerifier());

        assertThat(reuse.status()).as("status of the second use").isEqualTo(400);
        assertThat(reuse.error()).isEqualTo("invalid_grant");
        assertThat(reuse.accessToken()).isNull();
        assertThat(harness.tokens().isActive(client, flow.accessToken())).as("access token after reuse").isFalse();
        assertInvalidTokenChallenge(harness.userInfo().get(flow.accessToken()));
        if (flow.refreshToken() != null) {
            assertThat(harness.tokens().refresh(client, flow.refreshToken()).error())
                    .as("refresh token issued from the reused code").isEqualTo("invalid_grant");
        }
    }
}
