package id.satupintu.idp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.citizen.login.MockBrowser;
import id.satupintu.idp.citizen.login.TestRegisteredClients;

/** The consent page inside the real authorization flow: what it posts is what the server accepts. */
class ConsentFlowTest extends CitizenWebTestSupport {

    private static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id="
            + TestRegisteredClients.CLIENT_ID + "&redirect_uri=https://portal.example.id/callback"
            + "&scope=openid%20profile%20email&state=rp-state"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;

    private MockBrowser browser;
    private String consentPage;

    /** A citizen of its own per test: an earlier approval would otherwise carry over (Spring keeps consents). */
    @BeforeEach
    void signInAndReachConsentPage() throws Exception {
        consentPage = signInAndOpenConsentPage(AUTHORIZE);
    }

    private String signInAndOpenConsentPage(String authorizeUrl) throws Exception {
        Citizen citizen = TestCitizens.fresh(hasher.hash("kata-sandi-uji"));
        citizens.save(citizen);
        browser = new MockBrowser(mvc, "10.50.0." + (int) (Math.random() * 250 + 1));
        browser.perform(post("/login").param("nik", citizen.nik().value()).param("password", "kata-sandi-uji")
                .with(csrf()));
        MvcResult authorize = browser.perform(get(URI.create(authorizeUrl)));
        String consentUrl = authorize.getResponse().getRedirectedUrl();
        assertThat(consentUrl).contains("/consent?");
        return browser.perform(get(URI.create(consentUrl.substring(consentUrl.indexOf("/consent?")))))
                .getResponse().getContentAsString();
    }

    @Test
    void consentPageWhenApplicationAskedForEnglishThenEnglish() throws Exception {
        String english = signInAndOpenConsentPage(AUTHORIZE + "&ui_locales=en-GB");

        assertThat(english).contains("<html lang=\"en\">").contains("asks to access your SatuPintu account");
    }

    private static String hidden(String page, String name) {
        Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as("hidden field %s", name).isTrue();
        return value.group(1);
    }

    private String redirectAfter(MockHttpServletRequestBuilder decision) throws Exception {
        return browser.perform(decision.with(csrf())).getResponse().getRedirectedUrl();
    }

    @Test
    void consentWhenApprovedWithTickedScopesThenCodeForTheApplication() throws Exception {
        assertThat(consentPage).contains("Portal Layanan Publik").contains("Profil Anda").contains("Alamat email Anda");

        String redirect = redirectAfter(post("/oauth2/authorize")
                .param("client_id", hidden(consentPage, "client_id"))
                .param("state", hidden(consentPage, "state"))
                .param("scope", "openid")
                .param("scope", "profile"));

        assertThat(redirect).startsWith("https://portal.example.id/callback?");
        var query = UriComponentsBuilder.fromUriString(redirect).build().getQueryParams();
        assertThat(query.getFirst("code")).isNotBlank();
        assertThat(query.getFirst("state")).isEqualTo("rp-state");
    }

    @Test
    void consentWhenDeniedThenAccessDeniedForTheApplication() throws Exception {
        String redirect = redirectAfter(post("/oauth2/authorize")
                .param("client_id", hidden(consentPage, "client_id"))
                .param("state", hidden(consentPage, "state")));

        var query = UriComponentsBuilder.fromUriString(redirect).build().getQueryParams();
        assertThat(redirect).startsWith("https://portal.example.id/callback?");
        assertThat(query.getFirst("error")).as(redirect).isEqualTo("access_denied");
        assertThat(query.getFirst("code")).isNull();
        assertThat(query.getFirst("state")).isEqualTo("rp-state");
    }
}
