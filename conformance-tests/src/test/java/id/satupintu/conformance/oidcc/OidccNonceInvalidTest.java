package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-nonce-invalid, from the provider's side: a client can only detect a wrong nonce if the
 * provider returns exactly the nonce it was sent (OIDC Core §3.1.3.7 rule 11), per request.
 */
@DisplayName("oidcc-nonce-invalid")
class OidccNonceInvalidTest extends ConformanceTest {

    @Test
    @DisplayName("the ID token's nonce is exactly the request's, and differs between two requests")
    void idTokenWhenTwoRequestsWithDifferentNoncesThenEachEchoedExactly() {
        TestClient client = registerClient();
        AuthorizationRequest first = request(client).set("nonce", "n-0S6_WzA2Mj");
        AuthorizationRequest second = request(client).set("nonce", "a different nonce with spaces/+&=");
        var browser = newBrowser();
        CompletedFlow one = signIn(browser, client, first);
        CompletedFlow two = signIn(browser, client, second);
        assertThat(IdTokens.stringClaim(one.idToken(), "nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(IdTokens.stringClaim(two.idToken(), "nonce")).isEqualTo("a different nonce with spaces/+&=");
    }
}
