package id.satupintu.idp.saml.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.agency.demo.DemoAgencyData;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenPasswordHasher;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.login.CitizenWebTestSupport;
import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRegistry;
import id.satupintu.idp.testsupport.Xmlsec1;

/**
 * The shared server of the SAML SSO HTTP tests (the citizen web tests' context: real PostgreSQL and
 * Redis, demo agencies), with SPs registered through the real {@link ServiceProviderRegistry}.
 */
abstract class SamlSsoTestSupport extends CitizenWebTestSupport {

    static final String AGENCY = DemoAgencyData.POPULATION_AGENCY;

    @Autowired
    MockMvc mvc;
    @Autowired
    CitizenStore citizens;
    @Autowired
    CitizenPasswordHasher hasher;
    @Autowired
    ServiceProviderRegistry registry;
    @Autowired
    SatuPintuProperties server;
    @Autowired
    SamlCredentials credentials;
    @Autowired
    AuditLog audit;

    String entityId() {
        return SamlSsoConfiguration.entityId(server);
    }

    String ssoUrl() {
        return entityId() + SamlPaths.SSO;
    }

    X509Certificate idpCertificate() {
        return credentials.signing().orElseThrow().certificate();
    }

    SamlBrowserFlow citizen() {
        return SamlBrowserFlow.newCitizen(mvc, citizens, hasher);
    }

    ServiceProvider register(TestServiceProvider sp, TestServiceProvider.MetadataOptions options,
                             ServiceProvider.Settings settings) {
        return registry.register(AGENCY, sp.metadata(options).getBytes(StandardCharsets.UTF_8), settings);
    }

    /** Settings: these scopes, the given parts signed, encryption on, IdP-initiated off. */
    static ServiceProvider.Settings settings(ServiceProvider.SignedParts parts, String... scopes) {
        return new ServiceProvider.Settings(Set.of(scopes), parts, true, false, false, null, null);
    }

    static ServiceProvider.Settings idpInitiated(String... scopes) {
        return new ServiceProvider.Settings(Set.of(scopes), ServiceProvider.SignedParts.BOTH, true, false, true, null, null);
    }

    /** Checks the Response envelope as an SP must (SAML Profiles §4.1.4.3) and returns it. */
    Response response(PostForm form, TestServiceProvider sp, String inResponseTo) {
        assertThat(form.action()).isEqualTo(sp.acsUrl);
        assertThat(form.parameterName()).isEqualTo("SAMLResponse");
        Response response = TestServiceProvider.parseResponse(form.value());
        assertThat(response.getDestination()).isEqualTo(sp.acsUrl);
        assertThat(response.getInResponseTo()).isEqualTo(inResponseTo);
        assertThat(response.getIssuer().getValue()).isEqualTo(entityId());
        return response;
    }

    /** @return the assertion of a successful response: decrypted when encrypted, signatures checked */
    Assertion assertion(Response response, TestServiceProvider sp, boolean encrypted) {
        assertThat(response.getStatus().getStatusCode().getValue())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        Assertion assertion;
        if (encrypted) {
            assertThat(response.getAssertions()).isEmpty();
            assertThat(response.getEncryptedAssertions()).hasSize(1);
            assertion = sp.decrypt(response.getEncryptedAssertions().get(0));
        } else {
            assertThat(response.getEncryptedAssertions()).isEmpty();
            assertThat(response.getAssertions()).hasSize(1);
            assertion = response.getAssertions().get(0);
        }
        return assertion;
    }

    /** The independent verifier: xmlsec1 over OpenSSL checks the first signature of the document. */
    void assertXmlsec1Verifies(String xml, String idElement) {
        Xmlsec1.Result result = Xmlsec1.verify(xml, idpCertificate(), idElement);
        assertThat(result.ok()).as(result.toString()).isTrue();
    }

    static String xml(PostForm form) {
        return new String(Base64.getDecoder().decode(form.value()), StandardCharsets.UTF_8);
    }

    String status(Response response) {
        var code = response.getStatus().getStatusCode();
        return code.getStatusCode() == null ? code.getValue() : code.getStatusCode().getValue();
    }

    List<AuditEvent> audited(String type) {
        return audit.recent(type, 20);
    }

    AuditEvent lastAudit(String type) {
        List<AuditEvent> events = audited(type);
        assertThat(events).as("audit events " + type).isNotEmpty();
        return events.get(0);
    }
}
