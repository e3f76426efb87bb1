package id.satupintu.idp.saml.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.TestAgencies;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.TestCitizens;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRegistry;
import id.satupintu.idp.session.logout.HttpBrowser;

/**
 * The whole server on a random port (real PostgreSQL and Redis, the citizen web tests' context), a
 * freshly enrolled citizen signed in over HTTP, and SAML service providers registered through the
 * real registry, joining the session through a real SAML SSO round trip.
 */
public abstract class SloHttpTestSupport extends CitizenWebTestSupport {

    /** The issuer of the test server (its configured port is 0, the random one is only known later). */
    public static final String ISSUER = "http://localhost:0";
    public static final String IDP_SLO = ISSUER + SamlPaths.SLO;
    private static final String PASSWORD = "kata-sandi-keluar-tunggal";
    private static String passwordHash;
    private static String agency;

    @LocalServerPort
    protected int port;
    @Autowired
    protected AuditLog audit;
    @Autowired
    private ServiceProviderRegistry registry;
    @Autowired
    private AgencyStore agencies;
    @Autowired
    private CitizenStore citizens;
    @Autowired
    private CitizenPasswordHasher hasher;
    @Autowired
    private SamlCredentials idpCredentials;

    /** What an SP was given at sign-on: what its LogoutRequest must name. */
    record SignOn(String nameId, String format, String sessionIndex) {
    }

    /** A fresh citizen, signed in on a new browser. */
    protected record SignedIn(Citizen citizen, HttpBrowser browser) {
    }

    protected SignedIn signedInCitizen() throws Exception {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        Citizen citizen = TestCitizens.fresh(passwordHash);
        citizens.save(citizen);
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.signIn(citizen.nik().value(), PASSWORD)).endsWith("/");
        return new SignedIn(citizen, browser);
    }

    /** The same citizen signed in again on another browser: a second SSO session. */
    protected HttpBrowser anotherBrowser(Citizen citizen) throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.signIn(citizen.nik().value(), PASSWORD)).endsWith("/");
        return browser;
    }

    SloTestServiceProvider registeredSp(String name, SamlBinding... sloBindings) {
        return registeredSp(name, false, sloBindings);
    }

    SloTestServiceProvider registeredSp(String name, boolean separateResponseLocation,
                                                  SamlBinding... sloBindings) {
        SloTestServiceProvider sp = new SloTestServiceProvider(name, List.of(sloBindings), separateResponseLocation);
        registry.register(agency(), sp.metadata().getBytes(StandardCharsets.UTF_8), new ServiceProvider.Settings(
                Set.of(), ServiceProvider.SignedParts.BOTH, false, false, false, null, null));
        return sp;
    }

    /** The agency of the test SPs and clients, stored once per test JVM. */
    protected synchronized String agency() {
        if (agency == null) {
            agency = TestAgencies.stored(agencies);
        }
        return agency;
    }

    /** SAML Web Browser SSO (Profiles §4.1) to the SP, as the signed-in browser: the SP joins the session. */
    SignOn signOn(HttpBrowser browser, SloTestServiceProvider sp) throws Exception {
        HttpResponse<String> page = browser.get(sp.authnRequestUrl(ISSUER + SamlPaths.SSO));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        SloTestServiceProvider.Received received = SloTestServiceProvider.fromPostForm(page.body());
        assertThat(received.destination()).isEqualTo(sp.acsUrl);
        Response response = (Response) received.message();
        assertThat(response.getStatus().getStatusCode().getValue()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        Assertion assertion = response.getAssertions().get(0);
        return new SignOn(assertion.getSubject().getNameID().getValue(), assertion.getSubject().getNameID().getFormat(),
                assertion.getAuthnStatements().get(0).getSessionIndex());
    }

    /** @return whether the browser's SSO session still signs it in */
    protected static boolean signedIn(HttpBrowser browser) throws Exception {
        return browser.get("/").body().contains("id=\"signed-in-as\"");
    }

    protected X509Certificate idpCertificate() {
        return idpCredentials.signing().orElseThrow().certificate();
    }

    protected List<AuditEvent> auditOf(String type, String entityId) {
        return audit.recent(type, 200).stream().filter(e -> entityId.equals(e.clientId())).toList();
    }

    protected List<AuditEvent> auditOf(String type, UUID citizenId) {
        return audit.recent(type, 200).stream().filter(e -> citizenId.equals(e.citizenId())).toList();
    }
}
