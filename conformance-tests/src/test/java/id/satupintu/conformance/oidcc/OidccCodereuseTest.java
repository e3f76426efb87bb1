package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Pkce;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** oidcc-codereuse: the authorization code works once. */
@DisplayName("oidcc-codereuse")
class OidccCodereuseTest extends ConformanceTest {

    @Test
    @DisplayName("second use of a code: invalid_grant, and the first use's tokens are revoked")
    void tokenWhenCodeUsedTwiceThenInvalidGrantAndTokensRevoked() throws InterruptedException {
        CodeReuse.assertSecondUseRefusedAndTokensRevoked(Duration.ZERO);
    }

    @Test
    @DisplayName("a code presented by another client: invalid_grant, and the rightful client can no longer use it either")
    void tokenWhenCodePresentedByOtherClientThenInvalidGrant() {
        TestClient owner = registerClient();
        TestClient thief = registerClient();
        var request = request(owner);
        var response = harness.codeFlow().checkedResponse(
                harness.authorizer().authorize(newBrowser(), request, Citizen.SITI), request);
        TokenResponse stolen = harness.tokens().exchangeCode(thief, response.code(), request.redirectUri(), request.codeVerifier());
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.error()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("a made-up code: invalid_grant")
    void tokenWhenUnknownCodeThenInvalidGrant() {
        TestClient client = registerClient();
        TokenResponse response = harness.tokens().exchangeCode(client, "no-such-code", client.redirectUri().toString(),
                Pkce.generate().verifier());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("code exchanged with another redirect_uri than requested: invalid_grant")
    void tokenWhenRedirectUriDiffersFromRequestThenInvalidGrant() {
        TestClient client = registerClient(ClientSpec.confidential()
                .redirectUris(harness.clients().callback("/cb"), harness.clients().callback("/cb2")));
        var request = request(client);
        var response = harness.codeFlow().checkedResponse(
                harness.authorizer().authorize(newBrowser(), request, Citizen.SITI), request);
        // the other registered URI: registration may return the URIs in any order
        String otherRegistered = client.redirectUris().stream().map(Object::toString)
                .filter(uri -> !uri.equals(request.redirectUri())).findFirst().orElseThrow();
        TokenResponse mismatched = harness.tokens().exchangeCode(client, response.code(), otherRegistered,
                request.codeVerifier());
        assertThat(mismatched.status()).isEqualTo(400);
        assertThat(mismatched.error()).isEqualTo("invalid_grant");
    }
}
