package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-redirect-uri-query-ok, -query-mismatch and -query-added (the dynamic plan's redirect URI
 * modules, which apply to any provider): a registered query is kept and the response parameters
 * are added to it (RFC 6749 §3.1.2); a different or extra query is an unregistered URI.
 */
@DisplayName("oidcc-redirect-uri-query")
class OidccRedirectUriQueryTest extends ConformanceTest {

    private static TestClient client;
    private static String registered;

    @BeforeAll
    static void registerClientWithQuery() {
        registered = harness.clients().callback("/cb?tenant=kota-bandung");
        client = registerClient(ClientSpec.confidential().redirectUris(registered));
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-ok: the registered query survives and the code is added to it")
    void authorizeWhenRegisteredQueryUsedThenKeptInResponse() {
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("redirect_uri", registered));
        AuthorizationResponse response = flow.response();
        assertThat(response.parameters()).containsEntry("tenant", "kota-bandung").containsKey("code");
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-mismatch: another value of the registered query parameter is refused without redirect")
    void authorizeWhenQueryValueDiffersThenErrorPageWithoutRedirect() {
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request(client)
                .set("redirect_uri", harness.clients().callback("/cb?tenant=kota-lain")), Citizen.SITI);
        assertErrorPageWithoutRedirect(authorization);
    }

    @Test
    @DisplayName("oidcc-redirect-uri-query-added: an extra query parameter is refused without redirect")
    void authorizeWhenQueryParameterAddedThenErrorPageWithoutRedirect() {
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request(client)
                .set("redirect_uri", registered + "&extra=1"), Citizen.SITI);
        assertErrorPageWithoutRedirect(authorization);
    }
}
