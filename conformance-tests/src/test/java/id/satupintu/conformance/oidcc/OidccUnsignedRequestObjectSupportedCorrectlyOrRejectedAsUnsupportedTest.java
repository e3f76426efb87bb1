package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.RequestObjects;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported: an unsigned
 * request object (request=…) must either be processed, or refused with request_not_supported
 * (OIDC Core §6.1, §3.1.2.6). Silently ignoring it is not compliant, so the nonce travels only
 * inside the object: if the server ignored it, the ID token would miss the nonce.
 */
@DisplayName("oidcc-unsigned-request-object-supported-correctly-or-rejected-as-unsupported")
class OidccUnsignedRequestObjectSupportedCorrectlyOrRejectedAsUnsupportedTest extends ConformanceTest {

    @Test
    @DisplayName("unsigned request object: processed (nonce from the object in the ID token) or request_not_supported")
    void authorizeWhenUnsignedRequestObjectThenProcessedOrRequestNotSupported() {
        TestClient client = registerClient();
        AuthorizationRequest inObject = request(client);
        String request = RequestObjects.unsigned(inObject.parameters(), client.clientId(), harness.discovery().issuer());
        AuthorizationRequest outer = request(client).set("state", inObject.state())
                .set("code_challenge", inObject.get("code_challenge"))
                .without("nonce").set("request", request);

        Browser browser = newBrowser();
        Authorization authorization = harness.authorizer().authorize(browser, outer, Citizen.SITI);
        var response = authorization.redirect();
        if (response.error() != null) {
            assertErrorRedirect(authorization, outer, "request_not_supported");
            assertThat(harness.discovery().metadata().get("request_parameter_supported"))
                    .as("request_parameter_supported when refusing request objects").isIn(false, null);
            return;
        }
        TokenResponse tokens = harness.tokens().exchangeCode(client, response.code(), inObject.redirectUri(),
                inObject.codeVerifier()).assertSuccess();
        var claims = harness.idTokens().verify(tokens.idToken(), client);
        assertThat(IdTokens.stringClaim(claims, "nonce")).as("nonce from the request object")
                .isEqualTo(inObject.nonce());
    }
}
