package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.ConsentPage;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scope {@code nik}: the national identity number and family card number go only to clients an
 * administrator granted the scope, and only with the citizen's consent; a client can never grant
 * it to itself.
 */
@DisplayName("nik claim")
class NikClaimTest extends ConformanceTest {

    private static final String NIK_EVERYWHERE =
            "{\"userinfo\":{\"nik\":{\"essential\":true},\"family_card_number\":null},\"id_token\":{\"nik\":null}}";

    @Test
    @DisplayName("client without the nik grant asking for scope nik: invalid_scope, with state and iss")
    void authorizeWhenNikScopeNotGrantedThenInvalidScope() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).scope("openid nik");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI);
        assertErrorRedirect(authorization, request, "invalid_scope");
    }

    @Test
    @DisplayName("client without the nik grant asking for nik through the claims parameter: never released")
    void claimsParameterWhenNikNotGrantedThenNikNeverReleased() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile").set("claims", NIK_EVERYWHERE));
        assertThat(userInfo(flow.accessToken())).containsKey("name").doesNotContainKeys("nik", "family_card_number");
        assertThat(flow.idToken().getClaims()).doesNotContainKeys("nik", "family_card_number");
    }

    @Test
    @DisplayName("registration asking for scope nik: invalid_client_metadata (RFC 7591 §3.2.2)")
    void registerWhenScopeNikThenInvalidClientMetadata() {
        HttpResponse<String> response = harness.clients().submit(
                ClientSpec.confidential().redirectUris(harness.clients().callback("/cb")).set("scope", "openid profile nik"),
                harness.clients().initialAccessToken());
        assertThat(response.statusCode()).isEqualTo(400);
        Map<String, Object> error = Json.object(response.body());
        assertThat(error).containsEntry("error", "invalid_client_metadata");
        assertThat((String) error.get("error_description")).contains("nik");
    }

    @Test
    @DisplayName("nik grant without an agency.admin token: 403 insufficient_scope, nothing granted")
    void grantWhenNotAdministratorThenForbidden() {
        TestClient client = registerClient();
        HttpResponse<String> response = AdminApi.grantNik(harness, client.clientId(),
                AdminApi.token(harness, "client.create"));
        assertThat(response.statusCode()).isEqualTo(403);
        AuthorizationRequest request = request(client).scope("openid nik");
        assertErrorRedirect(harness.authorizer().authorize(newBrowser(), request, Citizen.SITI), request,
                "invalid_scope");
    }

    @Test
    @DisplayName("nik grant for an unknown client: 404")
    void grantWhenUnknownClientThenNotFound() {
        HttpResponse<String> response = AdminApi.grantNik(harness, "no-such-client",
                AdminApi.token(harness, "agency.admin"));
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("granted and consented: the consent page names the NIK; UserInfo and the ID token carry it")
    void flowWhenNikGrantedAndConsentedThenNikReleased() {
        TestClient client = registerClient();
        AdminApi.grantNik(harness, client.clientId());
        AuthorizationRequest request = request(client).scope("openid profile nik").set("claims", NIK_EVERYWHERE);
        Browser browser = newBrowser();
        Page login = browser.open(request.toUri());
        Page consent = LoginPage.on(browser, login).orElseThrow().signIn(Citizen.SITI);
        assertThat(consent.body()).contains("Nomor Induk Kependudukan (NIK) dan nomor Kartu Keluarga");
        ConsentPage page = ConsentPage.on(browser, consent, harness.discovery().authorizationEndpoint().getPath())
                .orElseThrow(() -> new AssertionError("no consent page: " + consent));
        assertThat(page.offeredScopes()).contains("nik");

        AuthorizationResponse response = harness.codeFlow().checkedResponse(
                new Authorization(page.approveAll(), true, true), request);
        TokenResponse tokens = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(),
                request.codeVerifier()).assertSuccess();

        Map<String, Object> claims = userInfo(tokens.accessToken());
        assertThat(claims).containsEntry("nik", Citizen.SITI.nik());
        assertThat((String) claims.get("family_card_number")).matches("\\d{16}");
        JWTClaimsSet idToken = harness.idTokens().verify(tokens.idToken(), client);
        assertThat(idToken.getClaim("nik")).isEqualTo(Citizen.SITI.nik());
    }

    @Test
    @DisplayName("nik consented but the scope unticked on the consent page: not released")
    void flowWhenNikUntickedThenNotReleased() {
        TestClient client = registerClient();
        AdminApi.grantNik(harness, client.clientId());
        AuthorizationRequest request = request(client).scope("openid profile nik").set("claims", NIK_EVERYWHERE);
        Browser browser = newBrowser();
        Page consent = LoginPage.on(browser, browser.open(request.toUri())).orElseThrow().signIn(Citizen.SITI);
        ConsentPage page = ConsentPage.on(browser, consent, harness.discovery().authorizationEndpoint().getPath())
                .orElseThrow();
        AuthorizationResponse response = harness.codeFlow().checkedResponse(
                new Authorization(page.approve(List.of("profile")), true, true), request);
        TokenResponse tokens = harness.tokens().exchangeCode(client, response.code(), request.redirectUri(),
                request.codeVerifier()).assertSuccess();

        assertThat(userInfo(tokens.accessToken())).containsKey("name").doesNotContainKeys("nik", "family_card_number");
        assertThat(harness.idTokens().verify(tokens.idToken(), client).getClaims()).doesNotContainKey("nik");
    }

    @Test
    @DisplayName("nik grant withdrawn by the administrator: tokens issued before no longer release it")
    void revokeWhenGrantWithdrawnThenNikNoLongerReleased() {
        TestClient client = registerClient();
        AdminApi.grantNik(harness, client.clientId());
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid nik"));
        assertThat(userInfo(flow.accessToken())).containsKey("nik");

        HttpResponse<String> revoked = AdminApi.revokeNik(harness, client.clientId(),
                AdminApi.token(harness, "agency.admin"));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(userInfo(flow.accessToken())).doesNotContainKeys("nik", "family_card_number");
    }
}
