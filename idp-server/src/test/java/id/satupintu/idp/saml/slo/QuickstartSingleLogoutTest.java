package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRegistry;
import id.satupintu.idp.session.logout.HttpBrowser;

/**
 * Single logout on the quickstart (H2, no Redis): the SSO session is the servlet container's, the
 * parked POST lives in memory, and the logout progress in a fresh container session once the SSO
 * session is invalidated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slo-quickstart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "satupintu.demo-data=false",
        "satupintu.data-dir=${java.io.tmpdir}/satupintu-slo-quickstart-test"})
class QuickstartSingleLogoutTest {

    private static final String ISSUER = "http://localhost:0";
    private static final String IDP_SLO = ISSUER + SamlPaths.SLO;
    private static final String PASSWORD = "kata-sandi-mulai-cepat-keluar";

    @LocalServerPort
    private int port;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private ServiceProviderRegistry registry;
    @Autowired
    private AgencyStore agencies;
    @Autowired
    private SamlCredentials idpCredentials;

    @Test
    void postLogoutWhenTwoSpsOnQuickstartThenOtherAskedAndInitiatorAnsweredAndSessionEnded() throws Exception {
        Citizen citizen = TestCitizens.fresh(hasher.hash(PASSWORD));
        citizens.save(citizen);
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.signIn(citizen.nik().value(), PASSWORD)).endsWith("/");
        String agency = TestAgencies.stored(agencies);
        SloTestServiceProvider initiator = register(agency, new SloTestServiceProvider("qs-satu", List.of(SamlBinding.POST), false));
        SloTestServiceProvider other = register(agency, new SloTestServiceProvider("qs-dua", List.of(SamlBinding.REDIRECT), false));
        Assertion signOn = signOn(browser, initiator);
        signOn(browser, other);
        LogoutRequest request = initiator.logoutRequest(IDP_SLO, signOn.getSubject().getNameID().getValue(),
                signOn.getSubject().getNameID().getFormat(), signOn.getAuthnStatements().get(0).getSessionIndex());
        initiator.signEnveloped(request);

        HttpResponse<String> toOther = browser.follow(browser.crossSitePost(IDP_SLO,
                Map.of("SAMLRequest", SloTestServiceProvider.postValue(request))));
        SloTestServiceProvider.Received asked = SloTestServiceProvider.fromRedirect(HttpBrowser.location(toOther));
        SloTestServiceProvider.verify(asked, idpCredentials.signing().orElseThrow().certificate());
        assertThat(asked.destination()).isEqualTo(other.sloUrl);
        HttpResponse<String> toInitiator = browser.get(IDP_SLO + "?" + other.redirectQuery(other.logoutResponse(IDP_SLO,
                ((LogoutRequest) asked.message()).getID(), StatusCode.SUCCESS), "SAMLResponse", null, true));

        assertThat(toInitiator.statusCode()).as(toInitiator.body()).isEqualTo(200);
        SloTestServiceProvider.Received answer = SloTestServiceProvider.fromPostForm(toInitiator.body());
        SloTestServiceProvider.verify(answer, idpCredentials.signing().orElseThrow().certificate());
        LogoutResponse response = (LogoutResponse) answer.message();
        assertThat(response.getInResponseTo()).isEqualTo(request.getID());
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo(StatusCode.SUCCESS);
        assertThat(response.getStatus().getStatusCode().getStatusCode()).isNull();
        assertThat(browser.get("/").body()).doesNotContain("id=\"signed-in-as\"");
    }

    private SloTestServiceProvider register(String agency, SloTestServiceProvider sp) {
        registry.register(agency, sp.metadata().getBytes(StandardCharsets.UTF_8), new ServiceProvider.Settings(
                Set.of(), ServiceProvider.SignedParts.BOTH, false, false, false, null, null));
        return sp;
    }

    private static Assertion signOn(HttpBrowser browser, SloTestServiceProvider sp) throws Exception {
        HttpResponse<String> page = browser.get(sp.authnRequestUrl(ISSUER + SamlPaths.SSO));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return ((Response) SloTestServiceProvider.fromPostForm(page.body()).message()).getAssertions().get(0);
    }
}
