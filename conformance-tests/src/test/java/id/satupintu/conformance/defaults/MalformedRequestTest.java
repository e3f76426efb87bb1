package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed input gets the specified protocol error, never a 500. */
@DisplayName("malformed requests")
class MalformedRequestTest extends ConformanceTest {

    private static TestClient client;

    @BeforeAll
    static void registerOneClient() {
        client = registerClient();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"state=dup", "client_id=dup", "scope=openid", "response_type=code", "nonce=x"})
    @DisplayName("a repeated authorization parameter: invalid_request (RFC 6749 §3.1), or an error page; never a code")
    void authorizeWhenParameterRepeatedThenInvalidRequest(String duplicate) {
        AuthorizationRequest request = request(client);
        Page page = newBrowser().open(request.toUri(duplicate));
        assertThat(page.status()).as("status").isBetween(300, 499);
        page.location().filter(location -> page.leftServer()).ifPresent(location ->
                assertThat(location.getRawQuery()).as("redirect query").contains("error=invalid_request")
                        .doesNotContain("code="));
    }

    @ParameterizedTest(name = "max_age={0}")
    @ValueSource(strings = {"abc", "-1", "99999999999999999999", "1.5"})
    @DisplayName("max_age that is not a non-negative integer: invalid_request, never a 500")
    void authorizeWhenMaxAgeMalformedThenInvalidRequest(String maxAge) {
        AuthorizationRequest request = request(client).set("max_age", maxAge);
        var authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_request");
    }

    @ParameterizedTest(name = "prompt={0}")
    @ValueSource(strings = {"sometimes", "select_account create", ""})
    @DisplayName("unknown prompt value: invalid_request or a normal flow; never a 500")
    void authorizeWhenPromptUnknownThenNoServerError(String prompt) {
        AuthorizationRequest request = request(client).set("prompt", prompt);
        var authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        var response = authorization.redirect();
        assertThat(response.error()).isIn(null, "invalid_request", "login_required", "interaction_required");
    }

    @Test
    @DisplayName("very long state (8 KB) and percent-encoded bytes that are not UTF-8: a 4xx or a normal redirect, never a 500")
    void authorizeWhenOversizedOrBadlyEncodedThenNoServerError() {
        Page longState = newBrowser().open(request(client).set("state", "s".repeat(8_192)).toUri());
        assertThat(longState.status()).isLessThan(500);
        Page badEncoding = newBrowser().open(URI.create(harness.discovery().authorizationEndpoint() + "?client_id=%ff%fe&scope=%c3%28"));
        assertThat(badEncoding.status()).isBetween(300, 499);
    }

    @Test
    @DisplayName("scope with an unknown value: invalid_scope redirect")
    void authorizeWhenScopeUnknownThenInvalidScope() {
        AuthorizationRequest request = request(client).scope("openid no-such-scope");
        var authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_scope");
    }

    @Test
    @DisplayName("token request without grant_type: invalid_request 400")
    void tokenWhenGrantTypeMissingThenInvalidRequest() {
        TokenResponse response = harness.tokens().request(client, FormData.of("code", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_request");
    }

    @ParameterizedTest(name = "grant_type={0}")
    @ValueSource(strings = {"password", "implicit", "urn:example:nonsense"})
    @DisplayName("token request with an unsupported grant type: unsupported_grant_type or unauthorized_client 400")
    void tokenWhenGrantTypeUnsupportedThenUnsupportedGrantType(String grantType) {
        TokenResponse response = harness.tokens().request(client,
                FormData.of("grant_type", grantType, "username", "x", "password", "y"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isIn("unsupported_grant_type", "unauthorized_client");
    }

    @Test
    @DisplayName("authorization_code grant without code: invalid_request 400")
    void tokenWhenCodeMissingThenInvalidRequest() {
        TokenResponse response = harness.tokens().request(client, FormData.of("grant_type", "authorization_code",
                "redirect_uri", client.redirectUri().toString()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_request");
    }

    @Test
    @DisplayName("token request with a repeated code parameter: invalid_request 400")
    void tokenWhenCodeRepeatedThenInvalidRequest() {
        TokenResponse response = harness.tokens().request(client, FormData.of("grant_type", "authorization_code",
                "code", "a", "code", "b", "redirect_uri", client.redirectUri().toString()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_request");
    }

    @Test
    @DisplayName("token request with a JSON body: a 4xx, never a 500")
    void tokenWhenJsonBodyThenClientError() {
        HttpResponse<String> response = BackChannel.postJson(harness.discovery().tokenEndpoint(),
                "{\"grant_type\":\"client_credentials\"}");
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    @DisplayName("GET on the token endpoint: a 4xx, never a 500")
    void tokenWhenGetThenClientError() {
        HttpResponse<String> response = BackChannel.send(HttpRequest.newBuilder(harness.discovery().tokenEndpoint()).GET());
        assertThat(response.statusCode()).isBetween(400, 499);
    }

    @Test
    @DisplayName("UserInfo with a malformed Authorization header: 401, never a 500")
    void userInfoWhenAuthorizationHeaderMalformedThenUnauthorized() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer a b", "Basic Zm9vOmJhcg==", "Bearer %%%"}) {
            HttpResponse<String> response = BackChannel.get(harness.discovery().userinfoEndpoint(),
                    "Authorization", header);
            assertThat(response.statusCode()).as(header).isIn(400, 401);
        }
    }

    @Test
    @DisplayName("login form posted with a malformed NIK: the login page again with a message, never a 500")
    void loginWhenNikMalformedThenLoginPageAgain() {
        Browser browser = newBrowser();
        var authorization = harness.authorizer().authorize(browser, request(client), new Citizen("x", "12ab", "x"));
        assertThat(authorization.response()).isEmpty();
        assertThat(authorization.finalPage().status()).isLessThan(500);
        assertThat(LoginPage.isShown(authorization.finalPage())).isTrue();
    }
}
