package id.satupintu.idp.saml.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.TestSamlMessages;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** What the IdP sends over each binding, read back as a service provider reads it. */
class OutboundEncoderTest {

    private final SamlCredentials idp = TestSamlCredentials.shared();
    private final X509Certificate idpCertificate = idp.signing().orElseThrow().certificate();
    private final XmlSigner signer = new XmlSigner(idp);

    @Test
    void redirectUrlWhenUnsignedThenDeflatedMessageAndRelayStateAndNoSignature() {
        var request = TestSamlMessages.logoutRequest();

        String url = OutboundEncoder.redirectUrl("https://layanan.example.go.id/saml/slo", request, "SAMLRequest",
                "back to /home", null);

        assertThat(url).startsWith("https://layanan.example.go.id/saml/slo?SAMLRequest=").doesNotContain("SigAlg")
                .doesNotContain("Signature");
        String xml = new String(InboundDecoder.inflate(Base64.getDecoder().decode(parameter(url, "SAMLRequest"))),
                StandardCharsets.UTF_8);
        assertThat(xml).contains("ID=\"" + request.getID() + "\"");
        assertThat(parameter(url, "RelayState")).isEqualTo("back to /home");
    }

    @Test
    void redirectUrlWhenDestinationHasQueryThenParametersAppendedAndFragmentDropped() {
        String url = OutboundEncoder.redirectUrl("https://layanan.example.go.id/slo?tenant=7#top",
                TestSamlMessages.logoutRequest(), "SAMLRequest", null, null);

        assertThat(url).startsWith("https://layanan.example.go.id/slo?tenant=7&SAMLRequest=").doesNotContain("#");
        assertThat(parameter(url, "tenant")).isEqualTo("7");
        assertThat(OutboundEncoder.redirectUrl("https://sp/slo?", TestSamlMessages.logoutRequest(), "SAMLRequest", null,
                null)).startsWith("https://sp/slo?SAMLRequest=");
    }

    @Test
    void redirectUrlWhenSignedThenSha256WithRsaOverMessageRelayStateAndSigAlgInBindingOrder() throws Exception {
        String url = OutboundEncoder.redirectUrl("https://layanan.example.go.id/saml/slo", logoutResponse(),
                "SAMLResponse", "r&s=1", signer);
        String query = URI.create(url).getRawQuery();
        String signedOctets = query.substring(0, query.indexOf("&Signature="));

        assertThat(signedOctets).matches("SAMLResponse=[^&]+&RelayState=r%26s%3D1&SigAlg=[^&]+");
        assertThat(parameter(url, "SigAlg")).isEqualTo(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        java.security.Signature jca = java.security.Signature.getInstance("SHA256withRSA");
        jca.initVerify(idpCertificate);
        jca.update(signedOctets.getBytes(StandardCharsets.UTF_8));
        assertThat(jca.verify(Base64.getDecoder().decode(parameter(url, "Signature")))).isTrue();
    }

    @Test
    void redirectUrlWhenMessageAlreadySignedThenIllegalArgument() {
        LogoutResponse response = logoutResponse();
        signer.sign(response);

        assertThatThrownBy(() -> OutboundEncoder.redirectUrl("https://sp/slo", response, "SAMLResponse", null, signer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass an unsigned message");
    }

    @Test
    void redirectUrlWhenRelayStateOver80BytesThenIllegalArgument() {
        assertThatThrownBy(() -> OutboundEncoder.redirectUrl("https://sp/slo", logoutResponse(), "SAMLResponse",
                "r".repeat(81), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80 bytes");
        assertThatThrownBy(() -> OutboundEncoder.postForm("https://sp/acs", logoutResponse(), "SAMLResponse",
                "r".repeat(81))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("80 bytes");
    }

    @Test
    void redirectUrlWhenParameterNameIsNotSamlThenIllegalArgument() {
        assertThatThrownBy(() -> OutboundEncoder.redirectUrl("https://sp/slo", logoutResponse(), "next", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SAMLRequest or SAMLResponse");
    }

    @Test
    void postFormWhenSignedResponseThenBase64XmlThatXmlsec1Verifies() {
        Response response = TestSamlMessages.response();
        signer.sign(response.getAssertions().get(0));
        signer.sign(response);

        PostForm form = OutboundEncoder.postForm(TestSamlMessages.ACS, response, "SAMLResponse", "relay");

        assertThat(form.action()).isEqualTo(TestSamlMessages.ACS);
        assertThat(form.parameterName()).isEqualTo("SAMLResponse");
        assertThat(form.relayState()).isEqualTo("relay");
        String xml = new String(Base64.getDecoder().decode(form.value()), StandardCharsets.UTF_8);
        Xmlsec1.Result result = Xmlsec1.verify(xml, idpCertificate, Xmlsec1.RESPONSE);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(PostForm.VIEW).isEqualTo("saml/post");
    }

    private static LogoutResponse logoutResponse() {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(TestSamlMessages.newId());
        response.setVersion(org.opensaml.saml.common.SAMLVersion.VERSION_20);
        response.setIssueInstant(new org.joda.time.DateTime(TestSamlMessages.NOW.toEpochMilli()));
        response.setInResponseTo("_logout-1");
        return response;
    }

    private static String parameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }
}
