package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.RequestObjects;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-ensure-request-object-with-redirect-uri: the request object's redirect_uri takes
 * precedence over an (unregistered) one in the query (OIDC Core §6.3.3). A server that does not
 * support request objects must still never redirect to the unregistered URI.
 */
@DisplayName("oidcc-ensure-request-object-with-redirect-uri")
class OidccEnsureRequestObjectWithRedirectUriTest extends ConformanceTest {

    @Test
    @DisplayName("valid redirect_uri in the object, unregistered one in the query: never redirected to the unregistered one")
    void authorizeWhenObjectAndQueryRedirectUrisDifferThenObjectWinsOrRefused() {
        TestClient client = registerClient();
        AuthorizationRequest inObject = request(client);
        String unregistered = harness.clients().callback("/not-registered");
        AuthorizationRequest outer = request(client).set("state", inObject.state())
                .set("redirect_uri", unregistered)
                .set("request", RequestObjects.unsigned(inObject.parameters(), client.clientId(),
                        harness.discovery().issuer()));

        Authorization authorization = harness.authorizer().authorize(newBrowser(), outer, Citizen.SITI);
        if (authorization.response().isEmpty()) {
            assertErrorPageWithoutRedirect(authorization);
            return;
        }
        var response = authorization.redirect();
        assertThat(response.target()).as("redirect target").isEqualTo(inObject.redirectUri());
        assertThat(response.state()).isEqualTo(inObject.state());
        if (response.error() != null) {
            assertThat(response.error()).isEqualTo("request_not_supported");
        }
    }
}
