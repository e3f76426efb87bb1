package id.satupintu.conformance.harness.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pysaml2 SP on its own, configured with a stub IdP's metadata (no IdP needed): it starts,
 * publishes its metadata, builds signed AuthnRequests for both bindings, rejects what is not a
 * valid SAML Response and stops.
 */
class PySaml2ServiceProviderTest {

    private static final String IDP = "http://localhost:9/idp";
    private static PySaml2ServiceProvider sp;

    @BeforeAll
    static void start() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "saml-sp"));
        SpKeyPair idpKeys = SpKeyPair.generate(Files.createTempDirectory(directory, "stub-idp-"), "stub-idp");
        sp = PySaml2ServiceProvider.start(SpOptions.named("harness").encryption(true), stubIdpMetadata(idpKeys));
    }

    @AfterAll
    static void stop() {
        if (sp != null) {
            sp.close();
        }
    }

    @Test
    void metadataWhenEncryptionConfiguredThenSigningAndEncryptionKeysAndEndpoints() {
        String metadata = sp.metadataXml();
        assertThat(metadata).contains("entityID=\"" + sp.entityId() + "\"")
                .contains("AuthnRequestsSigned=\"true\"").contains("WantAssertionsSigned=\"true\"")
                .contains("use=\"signing\"").contains("use=\"encryption\"")
                .contains("Location=\"" + sp.acs() + "\"")
                .contains(sp.baseUrl() + "/slo");
    }

    @Test
    void loginWhenRedirectBindingThenSignedRequestToIdpSsoWithRsaSha256() {
        HttpResponse<String> response = BackChannel.get(sp.login("relay_state=r1"));
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://localhost:9/saml2/idp/sso?SAMLRequest=").contains("&RelayState=r1")
                .contains("&Signature=");
        assertThat(URLDecoder.decode(location, StandardCharsets.UTF_8))
                .contains("SigAlg=http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    }

    @Test
    void loginWhenPostBindingThenAutoPostFormWithEnvelopedSignature() {
        HttpResponse<String> response = BackChannel.get(sp.login("binding=post&force=1"));
        AutoPostForm form = AutoPostForm.on(new Page(sp.login(""), response)).orElseThrow();
        assertThat(form.noscriptButton()).isTrue();
        assertThat(form.form().action()).isEqualTo(URI.create("http://localhost:9/saml2/idp/sso"));
        assertThat(form.messageXml()).contains("AuthnRequest").contains("ForceAuthn=\"true\"")
                .contains("SignatureValue").contains("rsa-sha256")
                .contains("AssertionConsumerServiceURL=\"" + sp.acs() + "\"");
    }

    @Test
    void acsWhenNotASamlResponseThenForbiddenWithPysaml2Error() {
        HttpResponse<String> response = BackChannel.postForm(sp.acs(), FormData.of("SAMLResponse", "PHg+PC94Pg=="));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void whoamiWhenNoSessionThenUnauthorized() {
        assertThat(BackChannel.get(sp.whoami()).statusCode()).isEqualTo(401);
    }

    @Test
    void closeWhenStoppedThenPortRefused() {
        PySaml2ServiceProvider other = PySaml2ServiceProvider.start(SpOptions.named("short-lived"), null);
        URI metadata = other.baseUrl().resolve("/metadata");
        assertThat(BackChannel.get(metadata).statusCode()).isEqualTo(200);
        other.close();
        assertThat(other.isRunning()).isFalse();
        assertThatThrownBy(() -> BackChannel.get(metadata)).isInstanceOf(AssertionError.class);
    }

    private static String stubIdpMetadata(SpKeyPair keys) {
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + IDP + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + keys.certificateBase64() + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                + "Location=\"http://localhost:9/saml2/idp/slo\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" "
                + "Location=\"http://localhost:9/saml2/idp/sso\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"http://localhost:9/saml2/idp/sso\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
    }
}
