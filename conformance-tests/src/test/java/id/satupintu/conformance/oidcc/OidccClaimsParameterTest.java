package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@code claims} request parameter (OIDC Core §5.5), in the manner of the OpenID Foundation's
 * oidcc-claims-request-* modules: members for {@code userinfo} and {@code id_token}, released only
 * within the scopes the citizen consented to; malformed values refused with {@code invalid_request}.
 */
@DisplayName("oidcc claims request parameter")
class OidccClaimsParameterTest extends ConformanceTest {

    @Test
    @DisplayName("discovery: claims_parameter_supported true")
    void discoveryWhenFetchedThenClaimsParameterSupported() {
        assertThat(harness.discovery().metadata()).containsEntry("claims_parameter_supported", true);
    }

    @Test
    @DisplayName("id_token member: name and email in the ID token when their scopes were consented")
    void idTokenWhenClaimsRequestedAndScopesConsentedThenInIdToken() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid profile email")
                .set("claims", "{\"id_token\":{\"name\":{\"essential\":true},\"email\":null}}"));
        assertThat(flow.idToken().getClaim("name")).isEqualTo("Siti Rahayu");
        assertThat(flow.idToken().getClaim("email")).isNotNull();
        assertThat(flow.idToken().getClaims()).as("not requested").doesNotContainKey("birthdate");
    }

    @Test
    @DisplayName("id_token member without consent to the covering scope: left out, no error (essential is advisory)")
    void idTokenWhenScopeNotConsentedThenClaimLeftOut() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid profile")
                .set("claims", "{\"id_token\":{\"email\":{\"essential\":true}},\"userinfo\":{\"email\":{\"essential\":true}}}"));
        assertThat(flow.idToken().getClaims()).doesNotContainKey("email");
        assertThat(userInfo(flow.accessToken())).containsKey("name").doesNotContainKey("email");
    }

    @Test
    @DisplayName("userinfo member with value: a claim whose value differs is left out")
    void userInfoWhenValueDiffersThenLeftOut() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid profile")
                .set("claims", "{\"userinfo\":{\"gender\":{\"value\":\"male\"}}}"));
        assertThat(userInfo(flow.accessToken())).containsKey("name").doesNotContainKey("gender");
    }

    @Test
    @DisplayName("the claims parameter survives a POSTed authorization request and the sign-in redirect")
    void postedRequestWhenClaimsThenHonoured() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).scope("openid profile")
                .set("claims", "{\"id_token\":{\"birthdate\":null}}");
        Authorization authorization = harness.authorizer().authorizeByPost(newBrowser(), request, Citizen.SITI);
        var response = harness.codeFlow().checkedResponse(authorization, request);
        var tokens = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(),
                request.codeVerifier()).assertSuccess();
        assertThat(harness.idTokens().verify(tokens.idToken(), client).getClaim("birthdate")).isEqualTo("1990-02-25");
    }

    @Test
    @DisplayName("already signed in: the claims parameter is still honoured")
    void signedInWhenClaimsThenHonoured() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client).scope("openid profile"));
        CompletedFlow again = signIn(browser, client, request(client).scope("openid profile")
                .set("claims", "{\"id_token\":{\"given_name\":null}}"));
        assertThat(again.idToken().getClaim("given_name")).isEqualTo("Siti");
    }

    @Test
    @DisplayName("malformed claims (not JSON, wrong shape): invalid_request to the redirect URI with state and iss")
    void authorizeWhenClaimsMalformedThenInvalidRequest() {
        TestClient client = registerClient();
        for (String malformed : new String[] {"{not json", "[]", "{\"userinfo\":[\"name\"]}",
                "{\"id_token\":{\"name\":true}}"}) {
            AuthorizationRequest request = request(client).set("claims", malformed);
            Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
            assertErrorRedirect(authorization, request, "invalid_request");
        }
    }

    @Test
    @DisplayName("malformed claims from a citizen already signed in: invalid_request as well")
    void authorizeWhenSignedInAndClaimsMalformedThenInvalidRequest() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        AuthorizationRequest request = request(client).set("claims", "{\"userinfo\":7}");
        Authorization authorization = harness.authorizer().authorize(browser, request, null);
        assertErrorRedirect(authorization, request, "invalid_request");
    }
}
