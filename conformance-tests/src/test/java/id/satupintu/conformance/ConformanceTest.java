package id.satupintu.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of every conformance test: the shared harness (one server per JVM) and the assertions
 * many modules repeat.
 */
public abstract class ConformanceTest {

    protected static Harness harness;

    @BeforeAll
    static void connectToServer() {
        harness = Harness.get();
    }

    protected static TestClient registerClient() {
        return harness.clients().register(ClientSpec.confidential());
    }

    protected static TestClient registerClient(ClientSpec spec) {
        return harness.clients().register(spec);
    }

    protected static Browser newBrowser() {
        return harness.newBrowser();
    }

    protected static AuthorizationRequest request(TestClient client) {
        return harness.request(client);
    }

    /** Signs Siti in on a fresh browser and completes a code flow with every check of oidcc-server. */
    protected static CompletedFlow signIn(TestClient client) {
        return harness.codeFlow().run(newBrowser(), client, request(client), Citizen.SITI);
    }

    protected static CompletedFlow signIn(Browser browser, TestClient client, AuthorizationRequest request) {
        return harness.codeFlow().run(browser, client, request, Citizen.SITI);
    }

    protected static Map<String, Object> userInfo(String accessToken) {
        HttpResponse<String> response = harness.userInfo().get(accessToken);
        assertThat(response.statusCode()).as("userinfo status").isEqualTo(200);
        return Json.object(response.body());
    }

    /**
     * Asserts the server refused an authorization request without sending the browser anywhere
     * (OIDC Core §3.1.2.6 / RFC 6749 §4.1.2.1: never redirect to an unverified URI): an error
     * page with a 4xx status, not a 500.
     */
    protected static void assertErrorPageWithoutRedirect(Authorization authorization) {
        assertThat(authorization.response()).as("redirect away from the server").isEmpty();
        assertThat(authorization.finalPage().status()).as("error page status").isBetween(400, 499);
    }

    /** Asserts an error response redirected to the request's redirect URI, with its state and iss. */
    protected static AuthorizationResponse assertErrorRedirect(Authorization authorization, AuthorizationRequest request,
                                                               String... allowedErrors) {
        AuthorizationResponse response = authorization.redirect();
        assertThat(response.target()).as("error redirect target").isEqualTo(request.redirectUri());
        assertThat(response.code()).as("code in an error response").isNull();
        assertThat(response.error()).as("error").isIn((Object[]) allowedErrors);
        assertThat(response.state()).as("state echoed in the error response").isEqualTo(request.state());
        assertThat(response.iss()).as("iss in the error response (RFC 9207)").isEqualTo(harness.discovery().issuer());
        return response;
    }

    /** Asserts a protected-resource refusal of RFC 6750 §3: 401 with a Bearer challenge naming invalid_token. */
    protected static void assertInvalidTokenChallenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status").isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate")
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
    }
}
