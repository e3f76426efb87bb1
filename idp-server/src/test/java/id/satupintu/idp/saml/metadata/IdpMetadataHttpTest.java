package id.satupintu.idp.saml.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The IdP metadata over HTTP from the running server, with its own key ring: open without a session,
 * signed by the server's SAML key (checked by OpenSAML and by xmlsec1), endpoints under the issuer,
 * cacheable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "satupintu.demo-data=false",
        "satupintu.issuer=" + IdpMetadataHttpTest.ISSUER,
        "satupintu.data-dir=target/saml-idp-metadata-http-test-data",
        "satupintu.keys.saml-signing-key-size=2048",
        "satupintu.keys.saml-encryption-key-size=2048",
        "spring.datasource.url=jdbc:h2:mem:saml-idp-metadata;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class IdpMetadataHttpTest {

    static final String ISSUER = "https://id.satupintu.test";

    @LocalServerPort
    int port;

    @Autowired
    SamlCredentials credentials;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void getWhenAnonymousThenSignedMetadataVerifiedByOpenSamlAndXmlsec1() throws Exception {
        HttpResponse<byte[]> response = get(null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=3600, public");
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for a metadata fetch").isEmpty();
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(response.body());
        new XmlSignatureVerifier().verifyEnveloped(entity, credentials.publishedSigningCertificates());
        Xmlsec1.Result independent = Xmlsec1.verify(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
                credentials.signing().orElseThrow().certificate(), "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor");
        assertThat(independent.ok()).as(independent.toString()).isTrue();
    }

    @Test
    void getThenEntityIdIssuerEndpointsUnderIssuerAndServerCertificatesListed() throws Exception {
        EntityDescriptor entity = (EntityDescriptor) OpenSaml.parse(get(null).body());
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);

        assertThat(entity.getEntityID()).isEqualTo(ISSUER);
        assertThat(idp.getSingleSignOnServices()).allSatisfy(e -> assertThat(e.getLocation()).isEqualTo(ISSUER + SamlPaths.SSO));
        assertThat(idp.getSingleLogoutServices()).allSatisfy(e -> assertThat(e.getLocation()).isEqualTo(ISSUER + SamlPaths.SLO));
        assertThat(idp.getKeyDescriptors()).hasSize(credentials.publishedSigningCertificates().size()
                + credentials.publishedEncryptionCertificates().size());
        assertThat(credentials.publishedEncryptionCertificates()).isNotEmpty();
    }

    @Test
    void getWhenIfNoneMatchEtagThenNotModified() throws Exception {
        String etag = get(null).headers().firstValue("ETag").orElseThrow();

        assertThat(get(etag).statusCode()).isEqualTo(304);
    }

    private HttpResponse<byte[]> get(String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + SamlPaths.METADATA));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
