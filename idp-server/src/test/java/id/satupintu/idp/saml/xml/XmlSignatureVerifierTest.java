package id.satupintu.idp.saml.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signatures the IdP must accept (xmlsec1's and its own) and every way of getting an unsigned or
 * altered element past a signature check that it must refuse, each with its precise reason.
 */
class XmlSignatureVerifierTest {

    private static final String DSIG = SignatureConstants.XMLSIG_NS;

    private final SamlCredentials sp = TestSamlCredentials.shared();
    private final X509Certificate spCertificate = sp.signing().orElseThrow().certificate();
    private final X509Certificate unrelatedCertificate = TestSamlCredentials.unrelated().signing().orElseThrow().certificate();
    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier();

    // ---- accepted

    @Test
    void verifyEnvelopedWhenXmlsec1SignedAuthnRequestThenAccepted() {
        String id = TestSamlMessages.newId();
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(id, SignedTemplates.Options.standard(), sp));

        assertThatCode(() -> verifier.verifyEnveloped(request, List.of(spCertificate))).doesNotThrowAnyException();
        assertThat(request.getID()).isEqualTo(id);
    }

    @Test
    void verifyEnvelopedWhenSeveralTrustedCertificatesThenTheOneThatSignedIsFound() {
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp));
        // KeyInfo removed: the verifier must try each trusted certificate (metadata during a key rollover)
        request.getDOM().getElementsByTagNameNS(DSIG, "KeyInfo").item(0).getParentNode()
                .removeChild(request.getDOM().getElementsByTagNameNS(DSIG, "KeyInfo").item(0));
        AuthnRequest withoutKeyInfo = reparse(request);

        assertThatCode(() -> verifier.verifyEnveloped(withoutKeyInfo, List.of(unrelatedCertificate, spCertificate)))
                .doesNotThrowAnyException();
    }

    @Test
    void verifyEnvelopedWhenCommentInsertedIntoSignedTextThenStillVerifiesAndValueReadIsWhole() {
        Response response = TestSamlMessages.response();
        XmlSigner signer = new XmlSigner(sp);
        signer.sign(response.getAssertions().get(0));
        String xml = OpenSaml.toXml(response);
        String split = TestSamlMessages.NAME_ID.substring(0, 8) + "<!-- evil.example -->"
                + TestSamlMessages.NAME_ID.substring(8);
        String withComment = xml.replace(">" + TestSamlMessages.NAME_ID + "<", ">" + split + "<");
        assertThat(withComment).contains(split);

        Response received = TestSamlMessages.reparse(withComment);
        Assertion assertion = received.getAssertions().get(0);

        assertThatCode(() -> verifier.verifyEnveloped(assertion, List.of(spCertificate))).doesNotThrowAnyException();
        assertThat(assertion.getSubject().getNameID().getValue()).isEqualTo(TestSamlMessages.NAME_ID);
    }

    // ---- not signed, tampered, untrusted

    @Test
    void verifyEnvelopedWhenUnsignedThenRejected() {
        AuthnRequest request = reparse(TestSamlMessages.authnRequest());

        assertRejected(request, List.of(spCertificate), "the message is not signed");
    }

    @Test
    void verifyEnvelopedWhenNeverParsedThenRejected() {
        assertRejected(TestSamlMessages.authnRequest(), List.of(spCertificate), "the signed element has no parsed XML to verify");
    }

    @Test
    void verifyEnvelopedWhenSignedContentTamperedThenRejected() {
        String xml = SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp);
        String tampered = xml.replace(TestSamlMessages.ACS, "https://attacker.example/acs");
        assertThat(tampered).isNotEqualTo(xml);

        assertRejected(TestSamlMessages.reparse(tampered), List.of(spCertificate),
                "the signature does not verify with any trusted certificate");
    }

    @Test
    void verifyEnvelopedWhenSignedByKeyNotTrustedThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp));

        assertRejected(request, List.of(unrelatedCertificate), "signed by a key that is not trusted for this sender");
    }

    @Test
    void verifyEnvelopedWhenSignedByKeyNotTrustedAndNoKeyInfoThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp));
        Node keyInfo = request.getDOM().getElementsByTagNameNS(DSIG, "KeyInfo").item(0);
        keyInfo.getParentNode().removeChild(keyInfo);

        assertRejected(reparse(request), List.of(unrelatedCertificate),
                "the signature does not verify with any trusted certificate");
    }

    @Test
    void verifyEnvelopedWhenNoTrustedCertificateThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp));

        assertRejected(request, List.of(), "no trusted certificate for this sender");
    }

    // ---- algorithms and transforms

    @Test
    void verifyEnvelopedWhenRsaSha1SignatureThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(SignedTemplates.authnRequest(TestSamlMessages.newId(),
                SignedTemplates.Options.standard().withSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1)
                        .withDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA1), sp));

        assertRejected(request, List.of(spCertificate),
                "signature algorithm " + SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1 + " is not allowed");
    }

    @Test
    void verifyEnvelopedWhenSha1DigestThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(SignedTemplates.authnRequest(TestSamlMessages.newId(),
                SignedTemplates.Options.standard().withDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA1), sp));

        assertRejected(request, List.of(spCertificate),
                "digest algorithm " + SignatureConstants.ALGO_ID_DIGEST_SHA1 + " is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/TR/1999/REC-xslt-19991116",
            "http://www.w3.org/2002/06/xmldsig-filter2", "http://www.w3.org/2000/09/xmldsig#base64"})
    void verifyEnvelopedWhenExtraTransformThenRejected(String transform) {
        String xml = SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp);
        String withTransform = xml.replace("</ds:Transforms>", SignedTemplates.transform(transform) + "</ds:Transforms>");
        assertThat(withTransform).isNotEqualTo(xml);

        assertRejected(TestSamlMessages.reparse(withTransform), List.of(spCertificate),
                "transform " + transform + " is not allowed");
    }

    @Test
    void verifyEnvelopedWhenSecondReferenceThenRejected() {
        String id = TestSamlMessages.newId();
        String xml = SignedTemplates.authnRequest(id, SignedTemplates.Options.standard(), sp);
        int end = xml.indexOf("</ds:Reference>") + "</ds:Reference>".length();
        int start = xml.indexOf("<ds:Reference");
        String twoReferences = xml.substring(0, end) + xml.substring(start, end) + xml.substring(end);

        assertRejected(TestSamlMessages.reparse(twoReferences), List.of(spCertificate),
                "the signature must have exactly one Reference, it has 2");
    }

    // ---- signature wrapping

    @Test
    void verifyEnvelopedWhenReferenceUriEmptyThenRejected() {
        AuthnRequest request = TestSamlMessages.reparse(SignedTemplates.authnRequest(TestSamlMessages.newId(),
                SignedTemplates.Options.standard().withReferenceUri(""), sp));

        assertRejected(request, List.of(spCertificate),
                "the Reference URI is empty: it must point at the signed element's ID");
    }

    @Test
    void verifyEnvelopedWhenReferencePointsAtAnotherElementThenRejected() {
        String assertionId = TestSamlMessages.newId();
        // a valid signature by the trusted key, but over the inner assertion, placed on the response
        Response response = TestSamlMessages.reparse(SignedTemplates.response(TestSamlMessages.newId(), assertionId,
                SignedTemplates.Options.standard().withReferenceUri("#" + assertionId), sp));

        assertRejected(response, List.of(spCertificate), "the Reference does not point at the signed element");
    }

    @Test
    void verifyEnvelopedWhenSignatureMovedIntoExtensionsThenRejectedAsNotADirectChild() {
        AuthnRequest request = TestSamlMessages.reparse(
                SignedTemplates.authnRequest(TestSamlMessages.newId(), SignedTemplates.Options.standard(), sp));
        Element signature = (Element) request.getDOM().getElementsByTagNameNS(DSIG, "Signature").item(0);
        Element extensions = (Element) request.getDOM().getElementsByTagNameNS(
                "urn:oasis:names:tc:SAML:2.0:protocol", "Extensions").item(0);
        extensions.appendChild(signature);

        assertRejected(reparse(request), List.of(spCertificate),
                "the signature is not a direct child of the signed element");
    }

    @Test
    void verifyEnvelopedWhenDecoyElementCarriesTheSameIdThenRejected() {
        String id = TestSamlMessages.newId();
        String xml = SignedTemplates.authnRequest(id, SignedTemplates.Options.standard(), sp);
        String withDecoy = xml.replace("<x:Note", "<x:Decoy xmlns:x=\"urn:test:extension\" ID=\"" + id + "\"/><x:Note");
        assertThat(withDecoy).isNotEqualTo(xml);

        assertRejected(TestSamlMessages.reparse(withDecoy), List.of(spCertificate),
                "the signed element's ID occurs 2 times in the document");
    }

    @Test
    void verifyEnvelopedWhenSignedAssertionHiddenInExtensionsAndUnsignedOneInItsPlaceThenRejected() {
        Wrapped wrapped = wrap(false, false);

        assertRejected(wrapped.evil(), List.of(spCertificate), "the message is not signed");
    }

    @Test
    void verifyEnvelopedWhenEvilAssertionCarriesCopiedSignatureAndSameIdThenRejected() {
        Wrapped wrapped = wrap(true, true);

        assertRejected(wrapped.evil(), List.of(spCertificate), "the signed element's ID occurs 2 times in the document");
    }

    @Test
    void verifyEnvelopedWhenEvilAssertionCarriesCopiedSignatureAndOwnIdThenRejected() {
        Wrapped wrapped = wrap(true, false);

        assertRejected(wrapped.evil(), List.of(spCertificate), "the Reference does not point at the signed element");
    }

    @Test
    void verifyEnvelopedWhenSignedOriginalHiddenInTheSignaturesObjectAndEvilCopyCarriesItThenRejected() {
        Response response = TestSamlMessages.response();
        new XmlSigner(sp).sign(response.getAssertions().get(0));
        Response parsed = TestSamlMessages.reparse(OpenSaml.toXml(response));
        Element original = parsed.getAssertions().get(0).getDOM();
        Element evil = (Element) original.cloneNode(true);
        evil.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID").item(0)
                .setTextContent("someone-else");
        Element evilSignature = (Element) evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
        Element object = evil.getOwnerDocument().createElementNS(DSIG, "ds:Object");
        evilSignature.appendChild(object);
        parsed.getDOM().replaceChild(evil, original);
        object.appendChild(original);
        Response wrapped = TestSamlMessages.reparse(OpenSaml.toXml(parsed.getDOM()));

        assertRejected(wrapped.getAssertions().get(0), List.of(spCertificate),
                "the signed element's ID occurs 2 times in the document");
    }

    // ---- HTTP-Redirect

    @Test
    void verifyRedirectWhenSignedByTrustedKeyThenAccepted() {
        byte[] octets = "SAMLRequest=abc&SigAlg=x".getBytes(StandardCharsets.UTF_8);
        RedirectSignature signature = new XmlSigner(sp).signRedirect(octets);

        assertThatCode(() -> verifier.verifyRedirect(octets, signature.sigAlg(), signature.signature(),
                List.of(unrelatedCertificate, spCertificate))).doesNotThrowAnyException();
    }

    @Test
    void verifyRedirectWhenOctetsDifferThenRejected() {
        byte[] octets = "SAMLRequest=abc&SigAlg=x".getBytes(StandardCharsets.UTF_8);
        RedirectSignature signature = new XmlSigner(sp).signRedirect(octets);

        assertThatThrownBy(() -> verifier.verifyRedirect("SAMLRequest=abd&SigAlg=x".getBytes(StandardCharsets.UTF_8),
                signature.sigAlg(), signature.signature(), List.of(spCertificate)))
                .isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the query signature does not verify with any trusted certificate");
    }

    @Test
    void verifyRedirectWhenKeyNotTrustedThenRejected() {
        byte[] octets = "SAMLRequest=abc&SigAlg=x".getBytes(StandardCharsets.UTF_8);
        RedirectSignature signature = new XmlSigner(sp).signRedirect(octets);

        assertThatThrownBy(() -> verifier.verifyRedirect(octets, signature.sigAlg(), signature.signature(),
                List.of(unrelatedCertificate))).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the query signature does not verify with any trusted certificate");
    }

    @Test
    void verifyRedirectWhenSigAlgMissingThenRejected() {
        assertThatThrownBy(() -> verifier.verifyRedirect(new byte[] {1}, null, new byte[] {1}, List.of(spCertificate)))
                .isInstanceOf(SignatureRejectedException.class).hasMessage("the SigAlg parameter is missing");
    }

    @Test
    void verifyRedirectWhenRsaSha1ThenRejected() throws Exception {
        byte[] octets = "SAMLRequest=abc&SigAlg=x".getBytes(StandardCharsets.UTF_8);
        java.security.Signature sha1 = java.security.Signature.getInstance("SHA1withRSA");
        sha1.initSign(sp.signing().orElseThrow().privateKey().key());
        sha1.update(octets);
        byte[] signature = sha1.sign();

        assertThatThrownBy(() -> verifier.verifyRedirect(octets, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, signature,
                List.of(spCertificate))).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("signature algorithm " + SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1 + " is not allowed");
    }

    @Test
    void verifyRedirectWhenSignatureMissingThenRejected() {
        assertThatThrownBy(() -> verifier.verifyRedirect(new byte[] {1}, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                new byte[0], List.of(spCertificate))).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("the Signature parameter is missing");
    }

    @Test
    void verifyRedirectWhenNoTrustedCertificateThenRejected() {
        assertThatThrownBy(() -> verifier.verifyRedirect(new byte[] {1}, SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
                new byte[] {1}, List.of())).isInstanceOf(SignatureRejectedException.class)
                .hasMessage("no trusted certificate for this sender");
    }

    // ---- helpers

    /** The parsed evil assertion of a wrapped response, and the response. */
    private record Wrapped(Response response, Assertion evil) {
    }

    /**
     * The classic XML signature wrapping (XSW) of a Response carrying a signed assertion: the signed
     * original is hidden in the Response's Extensions and an evil copy (another NameID) takes its place.
     *
     * @param copySignature whether the evil copy keeps the original's signature
     * @param sameId whether the evil copy keeps the original's ID
     */
    private Wrapped wrap(boolean copySignature, boolean sameId) {
        Response response = TestSamlMessages.response();
        new XmlSigner(sp).sign(response.getAssertions().get(0));
        Response parsed = TestSamlMessages.reparse(OpenSaml.toXml(response));
        Element root = parsed.getDOM();
        Element original = parsed.getAssertions().get(0).getDOM();
        Element evil = (Element) original.cloneNode(true);
        evil.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID").item(0)
                .setTextContent("someone-else");
        if (!sameId) {
            evil.setAttributeNS(null, "ID", TestSamlMessages.newId());
        }
        if (!copySignature) {
            Node signature = evil.getElementsByTagNameNS(DSIG, "Signature").item(0);
            evil.removeChild(signature);
        }
        Element extensions = root.getOwnerDocument().createElementNS("urn:oasis:names:tc:SAML:2.0:protocol",
                "samlp:Extensions");
        root.replaceChild(evil, original);
        extensions.appendChild(original);
        // Extensions come right after the Issuer (and Signature) in StatusResponseType, SAML Core §3.2.2
        root.insertBefore(extensions, root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "Status").item(0));
        Response wrapped = TestSamlMessages.reparse(OpenSaml.toXml(root));
        return new Wrapped(wrapped, wrapped.getAssertions().get(0));
    }

    private static <T extends SignableSAMLObject> T reparse(T object) {
        return TestSamlMessages.reparse(OpenSaml.toXml(object));
    }

    private void assertRejected(SignableSAMLObject object, List<X509Certificate> trusted, String reason) {
        assertThatThrownBy(() -> verifier.verifyEnveloped(object, trusted)).isInstanceOf(SignatureRejectedException.class)
                .hasMessage(reason);
    }
}
