package id.satupintu.idp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;

/** The citizen pages: language, consent, landing and error pages. */
class CitizenPagesTest extends CitizenWebTestSupport {

    /** Siti's fixed id from the demo data. */
    private static final UUID SITI = UUID.fromString("5a7c1f0e-3171-4000-8000-000000000001");
    private static final String CONSENT = "/consent?client_id=" + TestRegisteredClients.CLIENT_ID
            + "&scope=openid%20profile%20email&state=abc";

    @Autowired
    private MockMvc mvc;
    @LocalServerPort
    private int port;

    private static CitizenAuthenticationToken siti() {
        return new CitizenAuthenticationToken(new AuthenticatedCitizen(SITI, Instant.now(),
                LevelOfAssurance.LOA2.uri(), List.of("pwd")));
    }

    private String page(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    @Test
    void loginPageWhenNothingChosenThenIndonesianWithLabelledFields() throws Exception {
        String page = page(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("<html lang=\"id\">").contains("Masuk ke SatuPintu")
                .contains("<label for=\"nik\">").contains("id=\"nik\" name=\"nik\"")
                .contains("<label for=\"password\">").contains("id=\"password\" name=\"password\"")
                .contains("name=\"_csrf\"")
                .contains("name=\"viewport\"")
                .contains("href=\"/login?lang=en\"")
                .doesNotContain("<script").doesNotContain("style=");
    }

    @Test
    void loginPageWhenLangEnThenEnglishAndChoiceRememberedInCookie() throws Exception {
        MvcResult english = mvc.perform(get(URI.create("/login?lang=en"))).andExpect(status().isOk()).andReturn();
        Cookie choice = english.getResponse().getCookie("SATUPINTU_LANG");

        assertThat(page(english)).contains("<html lang=\"en\">").contains("Sign in to SatuPintu");
        assertThat(choice).isNotNull();
        assertThat(choice.getValue()).isEqualTo("en");
        assertThat(page(mvc.perform(get("/login").cookie(choice)).andReturn())).contains("Sign in to SatuPintu");
    }

    @Test
    void loginPageWhenAuthorizationRequestAskedForEnglishThenEnglish() throws Exception {
        MockBrowser browser = new MockBrowser(mvc, "10.40.0.1");
        MvcResult authorize = browser.perform(get(URI.create("/oauth2/authorize?response_type=code&client_id="
                + TestRegisteredClients.CLIENT_ID + "&redirect_uri=https://portal.example.id/callback&scope=openid"
                + "&state=s1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&ui_locales=fr%20en")));
        assertThat(authorize.getResponse().getRedirectedUrl()).endsWith("/login");

        String page = browser.perform(get("/login")).getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"en\">").contains("Sign in to SatuPintu");
    }

    @Test
    void consentPageWhenScopesRequestedThenClientNameAndEachScopeInPlainWords() throws Exception {
        String page = page(mvc.perform(get(URI.create(CONSENT)).with(authentication(siti()))).andExpect(status().isOk()).andReturn());

        assertThat(page).contains(TestRegisteredClients.CLIENT_NAME + " meminta akses")
                .contains("Masuk sebagai Siti Rahayu")
                .contains("action=\"/oauth2/authorize\"")
                .contains("name=\"client_id\" value=\"portal-demo\"")
                .contains("name=\"state\" value=\"abc\"")
                .contains("Profil Anda").contains("Nama, tanggal lahir, dan jenis kelamin.")
                .contains("Alamat email Anda");
        // openid travels hidden and its box cannot be unticked; the others are ticked boxes named scope
        assertThat(page).contains("<input type=\"hidden\" name=\"scope\" value=\"openid\">")
                .containsPattern("<input type=\"checkbox\" id=\"scope-0\" value=\"openid\"\\s+checked disabled")
                .containsPattern("<input type=\"checkbox\" id=\"scope-1\" name=\"scope\"\\s+value=\"profile\" checked")
                .containsPattern("<input type=\"checkbox\" id=\"scope-2\" name=\"scope\"\\s+value=\"email\" checked")
                .doesNotContain("name=\"\"");
    }

    @Test
    void consentPageWhenDenyFormThenItSubmitsNoScope() throws Exception {
        String page = page(mvc.perform(get(URI.create(CONSENT)).with(authentication(siti()))).andReturn());

        String denyForm = page.substring(page.indexOf("form--deny"));
        denyForm = denyForm.substring(0, denyForm.indexOf("</form>"));
        assertThat(denyForm).contains("name=\"client_id\"").contains("name=\"state\"").contains("id=\"deny\"")
                .doesNotContain("name=\"scope\"");
    }

    @Test
    void consentPageWhenEnglishThenScopesInEnglish() throws Exception {
        String page = page(mvc.perform(get(URI.create(CONSENT + "&lang=en")).with(authentication(siti()))).andReturn());

        assertThat(page).contains("asks to access your SatuPintu account").contains("Your profile")
                .contains("href=\"/consent?client_id=portal-demo&amp;scope=openid%20profile%20email&amp;state=abc&amp;lang=id\"");
    }

    @Test
    void consentPageWhenUnknownClientThenBadRequest() throws Exception {
        mvc.perform(get("/consent?client_id=nobody&scope=openid&state=x").with(authentication(siti())))
                .andExpect(status().isBadRequest());
    }

    @Test
    void consentPageWhenNotSignedInThenSentToLogin() throws Exception {
        MvcResult result = mvc.perform(get(URI.create(CONSENT))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void homePageWhenSignedInThenNamesCitizenWithSignOutButton() throws Exception {
        String page = page(mvc.perform(get("/").with(authentication(siti()))).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("Anda sudah masuk sebagai Siti Rahayu.").contains("action=\"/logout\"");
    }

    @Test
    void homePageWhenAnonymousThenLinkToLogin() throws Exception {
        String page = page(mvc.perform(get("/")).andExpect(status().isOk()).andReturn());

        assertThat(page).contains("href=\"/login\"").doesNotContain("Anda sudah masuk");
    }

    private HttpResponse<String> http(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void errorPageWhenNotFoundThenReadableIndonesianPageWithoutDetails() throws Exception {
        HttpResponse<String> response = http("/css/tidak-ada.css", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html lang=\"id\">").contains("Halaman tidak ditemukan")
                .contains("role=\"alert\"").contains("Kode kesalahan 404")
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("Whitelabel");
    }

    @Test
    void errorPageWhenEnglishChosenThenEnglish() throws Exception {
        HttpResponse<String> response = http("/css/tidak-ada.css", "SATUPINTU_LANG=en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<html lang=\"en\">").contains("Page not found");
    }

    @Test
    void errorPageWhenAuthorizationRequestNamesUnknownClientThenReadable400Page() throws Exception {
        // no redirect to an unverified client: the citizen gets the page (RFC 6749 §4.1.2.1)
        HttpResponse<String> response = http("/oauth2/authorize?response_type=code&client_id=tidak-terdaftar"
                + "&redirect_uri=https://evil.example/cb&scope=openid&state=x", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Permintaan tidak dapat diproses").contains("role=\"alert\"")
                .doesNotContain("Exception").doesNotContain("evil.example");
    }

    @Test
    void errorPageWhenForbiddenThenReadablePageWithoutDetails() throws Exception {
        // the login form's processing URL without a CSRF token is refused before any controller
        HttpResponse<String> forbidden = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login")).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("nik=1&password=2")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Akses ditolak").doesNotContain("Exception");
    }
}
