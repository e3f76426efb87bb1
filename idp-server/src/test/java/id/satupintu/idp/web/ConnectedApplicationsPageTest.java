package id.satupintu.idp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.citizen.login.TestRegisteredClients;
import id.satupintu.idp.consent.ConsentWithdrawal;
import id.satupintu.idp.consent.TestConsents;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.LevelOfAssurance;

/** The connected-applications page: what it lists, in both languages, and the CSRF-protected withdrawal. */
class ConnectedApplicationsPageTest extends CitizenWebTestSupport {

    private static final String PAGE = "/account/applications";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OAuth2AuthorizationConsentService consents;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private AuditLog audit;
    @Autowired
    private CitizenStore citizens;

    private UUID citizen;
    private String registeredClientId;

    @BeforeEach
    void consentGiven() {
        Citizen stored = TestCitizens.fresh(null);
        citizens.save(stored);
        citizen = stored.id();
        registeredClientId = clients.findByClientId(TestRegisteredClients.CLIENT_ID).getId();
        consents.save(TestConsents.consent(registeredClientId, citizen.toString(), "openid", "profile", "email"));
    }

    private CitizenAuthenticationToken signedIn() {
        return new CitizenAuthenticationToken(new AuthenticatedCitizen(citizen, Instant.now(),
                LevelOfAssurance.LOA2.uri(), List.of("pwd")));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(authentication(signedIn()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void pageWhenConsentGivenThenApplicationWithPermissionsInIndonesianAndWithdrawForm() throws Exception {
        String page = page(PAGE);

        assertThat(page).contains("<html lang=\"id\">").contains("<h1>Aplikasi yang terhubung</h1>")
                .contains(TestRegisteredClients.CLIENT_NAME)
                .contains("Profil Anda").contains("Alamat email Anda").contains("Diizinkan sejak")
                .contains("action=\"/account/applications/withdraw\"")
                .contains("name=\"client_id\" value=\"" + TestRegisteredClients.CLIENT_ID + "\"")
                .contains("name=\"_csrf\"").contains("Cabut izin");
    }

    @Test
    void pageWhenEnglishThenEnglish() throws Exception {
        String page = page(PAGE + "?lang=en");

        assertThat(page).contains("<html lang=\"en\">").contains("Connected applications").contains("Your profile")
                .contains("Withdraw access");
    }

    @Test
    void pageWhenNoConsentThenSaysSo() throws Exception {
        consents.remove(consents.findById(registeredClientId, citizen.toString()));

        assertThat(page(PAGE)).contains("id=\"no-applications\"").doesNotContain(TestRegisteredClients.CLIENT_NAME);
    }

    @Test
    void pageWhenNotSignedInThenSentToSignIn() throws Exception {
        String location = mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();

        assertThat(location).contains("/login");
    }

    @Test
    void withdrawWhenCsrfTokenThenConsentRemovedAuditedAndStatusShown() throws Exception {
        var result = mvc.perform(post(PAGE + "/withdraw").param("client_id", TestRegisteredClients.CLIENT_ID)
                .with(authentication(signedIn())).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(PAGE);
        assertThat(result.getFlashMap().get("status")).isEqualTo("withdrawn");
        assertThat(consents.findById(registeredClientId, citizen.toString())).isNull();
        AuditEvent withdrawn = audit.recent(ConsentWithdrawal.WITHDRAWN, 1).get(0);
        assertThat(withdrawn.citizenId()).isEqualTo(citizen);
        assertThat(withdrawn.clientId()).isEqualTo(TestRegisteredClients.CLIENT_ID);
    }

    @Test
    void withdrawWhenNoCsrfTokenThenForbiddenAndConsentKept() throws Exception {
        mvc.perform(post(PAGE + "/withdraw").param("client_id", TestRegisteredClients.CLIENT_ID)
                .with(authentication(signedIn()))).andExpect(status().isForbidden());

        assertThat(consents.findById(registeredClientId, citizen.toString())).isNotNull();
    }

    @Test
    void homePageWhenSignedInThenLinksToConnectedApplications() throws Exception {
        assertThat(page("/")).contains("href=\"/account/applications\"").contains("Aplikasi yang terhubung");
    }
}
