package id.satupintu.idp.saml.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.TestSamlMessages;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** Both bindings as service providers use them, and every malformed or hostile request refused with its reason. */
class InboundDecoderTest {

    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\" "
            + "IssueInstant=\"2026-11-28T10:00:00Z\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
            + "&xxe;</saml:Issuer></samlp:AuthnRequest>";
    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
            + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\" "
            + "IssueInstant=\"2026-11-28T10:00:00Z\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
            + "&e;</saml:Issuer></samlp:AuthnRequest>";
    private static final String DTD_REFUSED = "the message is not acceptable XML: not well-formed XML, or it carries a DTD";

    private final SamlCredentials sp = TestSamlCredentials.shared();
    private final X509Certificate spCertificate = sp.signing().orElseThrow().certificate();
    private final XmlSigner spSigner = new XmlSigner(sp);
    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier();

    // ---- HTTP-Redirect

    @Test
    void decodeWhenRedirectAuthnRequestThenMessageRelayStateAndIssuerWithoutSignature() {
        AuthnRequest sent = TestSamlMessages.authnRequest();
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/sso", sent, "SAMLRequest",
                "kembali ke /layanan?x=1&y=ü", null);

        InboundMessage received = InboundDecoder.decode(RedirectQueries.get(RedirectQueries.queryOf(url)));

        assertThat(received.binding()).isEqualTo(SamlBinding.REDIRECT);
        assertThat(received.message()).isInstanceOf(AuthnRequest.class);
        assertThat(((AuthnRequest) received.message()).getID()).isEqualTo(sent.getID());
        assertThat(received.relayState()).isEqualTo("kembali ke /layanan?x=1&y=ü");
        assertThat(received.issuer()).isEqualTo(TestSamlMessages.SP);
        assertThat(received.redirectSignature()).isNull();
        assertThat(received.signed()).isFalse();
    }

    @Test
    void decodeWhenRedirectSignedThenSignedOctetsFromTheRawQueryVerify() {
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/slo", TestSamlMessages.logoutRequest(),
                "SAMLRequest", "relay+state/ü", spSigner);

        InboundMessage received = InboundDecoder.decode(RedirectQueries.get(RedirectQueries.queryOf(url)));

        assertThat(received.message()).isInstanceOf(LogoutRequest.class);
        assertThat(received.signed()).isTrue();
        RedirectSignedQuery signature = received.redirectSignature();
        assertThat(signature.sigAlg()).isEqualTo(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertThatCode(() -> verifier.verifyRedirect(signature.signedOctets(), signature.sigAlg(), signature.signature(),
                List.of(spCertificate))).doesNotThrowAnyException();
    }

    @Test
    void decodeWhenSenderPercentEncodesInLowerCaseThenItsSignatureStillVerifies() {
        String message = deflatedBase64(OpenSaml.toXml(TestSamlMessages.authnRequest()));
        String signedPart = "SAMLRequest=" + lowerCasePercent(URLEncoder.encode(message, StandardCharsets.UTF_8))
                + "&RelayState=" + lowerCasePercent(URLEncoder.encode("a/b:c", StandardCharsets.UTF_8))
                + "&SigAlg=" + lowerCasePercent(URLEncoder.encode(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                StandardCharsets.UTF_8));
        byte[] signature = spSigner.signRedirect(signedPart.getBytes(StandardCharsets.UTF_8)).signature();
        String query = signedPart + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(signature),
                StandardCharsets.UTF_8);

        RedirectSignedQuery received = InboundDecoder.decode(RedirectQueries.get(query)).redirectSignature();

        assertThat(new String(received.signedOctets(), StandardCharsets.UTF_8)).isEqualTo(signedPart);
        assertThatCode(() -> verifier.verifyRedirect(received.signedOctets(), received.sigAlg(), received.signature(),
                List.of(spCertificate))).doesNotThrowAnyException();
    }

    @Test
    void decodeWhenQueryReEncodedAfterSigningThenSignatureRejected() {
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/sso", TestSamlMessages.authnRequest(),
                "SAMLRequest", "a/b", spSigner);
        String query = RedirectQueries.queryOf(url);
        // same decoded values, other encoding: an intermediary re-encoded the URL
        String reEncoded = query.replace("RelayState=a%2Fb", "RelayState=a%2fb");
        assertThat(reEncoded).isNotEqualTo(query);

        RedirectSignedQuery received = InboundDecoder.decode(RedirectQueries.get(reEncoded)).redirectSignature();

        assertThatThrownBy(() -> verifier.verifyRedirect(received.signedOctets(), received.sigAlg(), received.signature(),
                List.of(spCertificate))).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the query signature does not verify with any trusted certificate");
    }

    @Test
    void decodeWhenParametersArriveInAnotherOrderThenOctetsAreRebuiltInBindingOrderAndVerify() {
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/sso", TestSamlMessages.authnRequest(),
                "SAMLRequest", "abc", spSigner);
        String[] parts = RedirectQueries.queryOf(url).split("&");
        String reordered = String.join("&", parts[3], parts[2], parts[1], parts[0]);

        RedirectSignedQuery received = InboundDecoder.decode(RedirectQueries.get(reordered)).redirectSignature();

        assertThatCode(() -> verifier.verifyRedirect(received.signedOctets(), received.sigAlg(), received.signature(),
                List.of(spCertificate))).doesNotThrowAnyException();
    }

    @Test
    void decodeWhenSignerSignedParametersInAnotherOrderThenSignatureRejected() {
        String message = URLEncoder.encode(deflatedBase64(OpenSaml.toXml(TestSamlMessages.authnRequest())),
                StandardCharsets.UTF_8);
        String sigAlg = URLEncoder.encode(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, StandardCharsets.UTF_8);
        String wrongOrder = "RelayState=abc&SAMLRequest=" + message + "&SigAlg=" + sigAlg;
        byte[] signature = spSigner.signRedirect(wrongOrder.getBytes(StandardCharsets.UTF_8)).signature();
        String query = wrongOrder + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(signature),
                StandardCharsets.UTF_8);

        RedirectSignedQuery received = InboundDecoder.decode(RedirectQueries.get(query)).redirectSignature();

        assertThatThrownBy(() -> verifier.verifyRedirect(received.signedOctets(), received.sigAlg(), received.signature(),
                List.of(spCertificate))).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the query signature does not verify with any trusted certificate");
    }

    @Test
    void decodeWhenSignatureWithoutSigAlgThenRefused() {
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/sso", TestSamlMessages.authnRequest(),
                "SAMLRequest", null, spSigner);
        String withoutSigAlg = RedirectQueries.queryOf(url).replaceAll("&SigAlg=[^&]*", "");

        assertRefused(RedirectQueries.get(withoutSigAlg), "the Signature parameter comes without SigAlg");
    }

    @Test
    void decodeWhenSigAlgWithoutSignatureThenRefused() {
        String url = OutboundEncoder.redirectUrl("https://id.satupintu.example/saml2/idp/sso", TestSamlMessages.authnRequest(),
                "SAMLRequest", null, spSigner);
        String withoutSignature = RedirectQueries.queryOf(url).replaceAll("&Signature=[^&]*", "");

        assertRefused(RedirectQueries.get(withoutSignature), "the SigAlg parameter comes without Signature");
    }

    @Test
    void decodeWhenRedirectCarriesXxeThenRefused() {
        assertRefused(RedirectQueries.get("SAMLRequest=" + encodedRedirect(XXE)), DTD_REFUSED);
    }

    @Test
    void decodeWhenRedirectCarriesEntityExpansionThenRefused() {
        assertRefused(RedirectQueries.get("SAMLRequest=" + encodedRedirect(BILLION_LAUGHS)), DTD_REFUSED);
    }

    @Test
    void decodeWhenRedirectIsDeflateBombThenRefusedAtTheCap() {
        // 16 MiB of spaces deflates to some kilobytes: small on the wire, large once inflated
        byte[] bomb = new byte[16 * 1024 * 1024];
        java.util.Arrays.fill(bomb, (byte) ' ');
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(OutboundEncoder.deflate(bomb)),
                StandardCharsets.UTF_8);
        assertThat(encoded.length()).isLessThan(100_000);

        assertRefused(RedirectQueries.get("SAMLRequest=" + encoded), "the message inflates to more than 262144 bytes");
    }

    @Test
    void decodeWhenRedirectMessageNotDeflatedThenRefused() {
        String plain = URLEncoder.encode(Base64.getEncoder().encodeToString(
                OpenSaml.toXml(TestSamlMessages.authnRequest()).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InboundDecoder.decode(RedirectQueries.get("SAMLRequest=" + plain)))
                .isInstanceOf(SamlBindingException.class).hasMessageStartingWith("the SAMLRequest or SAMLResponse is not");
    }

    @Test
    void decodeWhenRedirectRelayStateIs81BytesThenRefusedAnd80Accepted() {
        String message = encodedRedirect(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&RelayState=" + "r".repeat(81)),
                "the RelayState is longer than 80 bytes");
        // 40 two-byte characters: 80 bytes
        String eighty = URLEncoder.encode("é".repeat(40), StandardCharsets.UTF_8);
        assertThat(InboundDecoder.decode(RedirectQueries.get("SAMLRequest=" + message + "&RelayState=" + eighty))
                .relayState()).isEqualTo("é".repeat(40));
        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&RelayState=" + eighty + "r"),
                "the RelayState is longer than 80 bytes");
    }

    @Test
    void decodeWhenRedirectParameterRepeatedThenRefused() {
        String message = encodedRedirect(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&SAMLRequest=" + message),
                "the SAMLRequest parameter appears more than once");
        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&RelayState=a&RelayState=b"),
                "the RelayState parameter appears more than once");
    }

    @Test
    void decodeWhenSamlEncodingIsNotDeflateThenRefusedAndDeflateAccepted() {
        String message = encodedRedirect(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&SAMLEncoding=urn%3Aexample%3Agzip"),
                "the SAMLEncoding urn:example:gzip is not supported");
        assertThat(InboundDecoder.decode(RedirectQueries.get("SAMLRequest=" + message + "&SAMLEncoding="
                + URLEncoder.encode(InboundDecoder.DEFLATE_ENCODING, StandardCharsets.UTF_8))).message())
                .isInstanceOf(AuthnRequest.class);
    }

    @Test
    void decodeWhenBothRequestAndResponseThenRefused() {
        String message = encodedRedirect(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.get("SAMLRequest=" + message + "&SAMLResponse=" + message),
                "both SAMLRequest and SAMLResponse are present");
    }

    @Test
    void decodeWhenNoSamlParameterThenRefused() {
        assertRefused(RedirectQueries.get("foo=bar"), "no SAMLRequest or SAMLResponse parameter");
        assertRefused(RedirectQueries.get(null), "no SAMLRequest or SAMLResponse parameter");
        assertRefused(RedirectQueries.get("SAMLRequest="), "the SAMLRequest parameter is empty");
    }

    @Test
    void decodeWhenElementIsNotAProtocolMessageThenRefused() {
        String assertion = encodedRedirect(OpenSaml.toXml(TestSamlMessages.assertion()));

        assertRefused(RedirectQueries.get("SAMLRequest=" + assertion),
                "the message is not a SAML protocol request or response: Assertion");
    }

    @Test
    void decodeWhenElementUnknownThenRefused() {
        String unknown = encodedRedirect("<x:Thing xmlns:x=\"urn:example\"/>");

        assertRefused(RedirectQueries.get("SAMLRequest=" + unknown),
                "the message is not acceptable XML: unknown element urn:example:Thing");
    }

    // ---- HTTP-POST

    @Test
    void decodeWhenPostSignedAuthnRequestThenEnvelopedSignatureVerifies() {
        AuthnRequest sent = TestSamlMessages.authnRequest();
        spSigner.sign(sent);
        PostForm form = OutboundEncoder.postForm("https://id.satupintu.example/saml2/idp/sso", sent, "SAMLRequest", "r1");

        InboundMessage received = InboundDecoder.decode(RedirectQueries.post(form.parameterName(), form.value(),
                "RelayState", form.relayState()));

        assertThat(received.binding()).isEqualTo(SamlBinding.POST);
        assertThat(received.relayState()).isEqualTo("r1");
        assertThat(received.signed()).isTrue();
        assertThat(received.redirectSignature()).isNull();
        assertThat(received.issuer()).isEqualTo(TestSamlMessages.SP);
        assertThatCode(() -> verifier.verifyEnveloped(received.message(), List.of(spCertificate))).doesNotThrowAnyException();
    }

    @Test
    void decodeWhenPostCarriesXxeThenRefused() {
        assertRefused(RedirectQueries.post("SAMLRequest", base64(XXE)), DTD_REFUSED);
    }

    @Test
    void decodeWhenPostCarriesEntityExpansionThenRefused() {
        assertRefused(RedirectQueries.post("SAMLResponse", base64(BILLION_LAUGHS)), DTD_REFUSED);
    }

    @Test
    void decodeWhenPostMessageOversizedThenRefused() {
        String big = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\" "
                + "IssueInstant=\"2026-11-28T10:00:00Z\">" + " ".repeat(300 * 1024) + "</samlp:AuthnRequest>";

        assertRefused(RedirectQueries.post("SAMLRequest", base64(big)), "the SAMLRequest is larger than 262144 bytes");
    }

    @Test
    void decodeWhenPostRelayStateIs81BytesThenRefused() {
        String message = base64(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.post("SAMLRequest", message, "RelayState", "r".repeat(81)),
                "the RelayState is longer than 80 bytes");
        assertThat(InboundDecoder.decode(RedirectQueries.post("SAMLRequest", message, "RelayState", "r".repeat(80)))
                .relayState()).hasSize(80);
    }

    @Test
    void decodeWhenPostNotBase64ThenRefused() {
        assertRefused(RedirectQueries.post("SAMLRequest", "<samlp:AuthnRequest/>"), "the SAMLRequest parameter is not base64");
    }

    @Test
    void decodeWhenPostParameterRepeatedThenRefused() {
        String message = base64(OpenSaml.toXml(TestSamlMessages.authnRequest()));

        assertRefused(RedirectQueries.post("SAMLRequest", message, "SAMLRequest", message),
                "the SAMLRequest parameter appears more than once");
    }

    @Test
    void decodeWhenMethodIsNeitherGetNorPostThenRefused() {
        var request = RedirectQueries.post("SAMLRequest", "x");
        request.setMethod("PUT");

        assertRefused(request, "HTTP method PUT is not a SAML binding");
    }

    private static void assertRefused(HttpServletRequest request, String reason) {
        assertThatThrownBy(() -> InboundDecoder.decode(request)).isInstanceOf(SamlBindingException.class).hasMessage(reason);
    }

    private static String encodedRedirect(String xml) {
        return URLEncoder.encode(deflatedBase64(xml), StandardCharsets.UTF_8);
    }

    private static String deflatedBase64(String xml) {
        return Base64.getEncoder().encodeToString(OutboundEncoder.deflate(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code %2F} → {@code %2f}: legal (RFC 3986 §2.1) and what some SP libraries send. */
    private static String lowerCasePercent(String encoded) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, matcher.group().toLowerCase(java.util.Locale.ROOT));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
