package id.satupintu.idp.saml.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;

/** Our signatures, checked by xmlsec1 (an independent implementation) and by our own verifier. */
class XmlSignerTest {

    private final SamlCredentials credentials = TestSamlCredentials.shared();
    private final XmlSigner signer = new XmlSigner(credentials);
    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier();
    private final X509Certificate certificate = credentials.signing().orElseThrow().certificate();

    @Test
    void signWhenResponseThenXmlsec1VerifiesIt() {
        Response response = TestSamlMessages.response();
        signer.sign(response);

        Xmlsec1.Result result = Xmlsec1.verify(OpenSaml.toXml(response), certificate, Xmlsec1.RESPONSE);

        assertThat(result.ok()).as(result.toString()).isTrue();
    }

    @Test
    void signWhenAssertionInsideResponseThenXmlsec1VerifiesIt() {
        Response response = TestSamlMessages.response();
        signer.sign(response.getAssertions().get(0));

        String xml = OpenSaml.toXml(response);

        assertThat(OpenSaml.toXml(response.getAssertions().get(0))).contains("<ds:Signature");
        Xmlsec1.Result result = Xmlsec1.verify(xml, certificate, Xmlsec1.ASSERTION);
        assertThat(result.ok()).as(result.toString()).isTrue();
    }

    @Test
    void signWhenAssertionThenResponseThenXmlsec1VerifiesBothSignatures() {
        Response response = TestSamlMessages.response();
        Assertion assertion = response.getAssertions().get(0);
        signer.sign(assertion);
        signer.sign(response);
        String xml = OpenSaml.toXml(response);

        // xmlsec1 checks the first signature in document order: the Response's own; then, that one removed
        // (the assertion's signature does not cover it), the assertion's
        Xmlsec1.Result outer = Xmlsec1.verify(xml, certificate, Xmlsec1.RESPONSE);
        Response withoutOuter = TestSamlMessages.reparse(xml);
        withoutOuter.getDOM().removeChild(withoutOuter.getSignature().getDOM());
        Xmlsec1.Result inner = Xmlsec1.verify(OpenSaml.toXml(withoutOuter.getDOM()), certificate, Xmlsec1.ASSERTION);
        Response received = TestSamlMessages.reparse(xml);

        assertThat(outer.ok()).as(outer.toString()).isTrue();
        assertThat(inner.ok()).as(inner.toString()).isTrue();
        verifier.verifyEnveloped(received, List.of(certificate));
        verifier.verifyEnveloped(received.getAssertions().get(0), List.of(certificate));
    }

    @Test
    void signWhenSignedThenRsaSha256Sha256ExclusiveC14nAndCertificateInKeyInfo() throws Exception {
        AuthnRequest request = TestSamlMessages.authnRequest();
        signer.sign(request);
        Element signature = (Element) request.getDOM()
                .getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "Signature").item(0);

        assertThat(signature.getParentNode()).isSameAs(request.getDOM());
        assertThat(algorithms(signature, "SignatureMethod")).containsExactly(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        assertThat(algorithms(signature, "DigestMethod")).containsExactly(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        assertThat(algorithms(signature, "CanonicalizationMethod"))
                .containsExactly(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        assertThat(algorithms(signature, "Transform")).containsExactly(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
                SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        Element reference = (Element) signature.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "Reference").item(0);
        assertThat(reference.getAttribute("URI")).isEqualTo("#" + request.getID());
        String embedded = signature.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "X509Certificate").item(0)
                .getTextContent().replaceAll("\\s", "");
        assertThat(java.util.Base64.getDecoder().decode(embedded)).isEqualTo(certificate.getEncoded());
        assertThat(signer.signingCertificate()).isEqualTo(certificate);
    }

    @Test
    void signWhenOurSignatureReparsedThenOurVerifierAcceptsIt() {
        AuthnRequest request = TestSamlMessages.authnRequest();
        signer.sign(request);

        AuthnRequest received = TestSamlMessages.reparse(OpenSaml.toXml(request));

        verifier.verifyEnveloped(received, List.of(certificate));
    }

    @Test
    void signWhenObjectHasNoIdThenIllegalStateException() {
        AuthnRequest request = TestSamlMessages.authnRequest();
        request.setID(null);

        assertThatThrownBy(() -> signer.sign(request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an ID");
    }

    @Test
    void signWhenNoActiveSamlKeyThenIllegalStateException() {
        XmlSigner keyless = new XmlSigner(TestSamlCredentials.withoutKeys());

        assertThatThrownBy(() -> keyless.sign(TestSamlMessages.authnRequest())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no ACTIVE SAML signing key");
        assertThatThrownBy(() -> keyless.signRedirect(new byte[] {1})).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(keyless::signingCertificate).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signRedirectWhenSignedThenSha256WithRsaOverTheOctetsVerifiesWithTheCertificate() throws Exception {
        byte[] octets = "SAMLResponse=abc&RelayState=xyz&SigAlg=http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha256"
                .getBytes(StandardCharsets.UTF_8);

        RedirectSignature signature = signer.signRedirect(octets);

        assertThat(signature.sigAlg()).isEqualTo(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256)
                .isEqualTo(signer.redirectSigAlg());
        java.security.Signature jca = java.security.Signature.getInstance("SHA256withRSA");
        jca.initVerify(certificate);
        jca.update(octets);
        assertThat(jca.verify(signature.signature())).isTrue();
        verifier.verifyRedirect(octets, signature.sigAlg(), signature.signature(), List.of(certificate));
    }

    @Test
    void signWhenSigningKeyRotatedThenNewKeySignsWithItsCertificate() {
        TestSamlCredentials.Ring ring = TestSamlCredentials.ring();
        XmlSigner rotating = new XmlSigner(ring.credentials());
        X509Certificate before = rotating.signingCertificate();
        rotating.sign(TestSamlMessages.authnRequest());

        ring.rotateSigningKey();
        AuthnRequest request = TestSamlMessages.authnRequest();
        rotating.sign(request);

        X509Certificate after = rotating.signingCertificate();
        assertThat(after).isNotEqualTo(before).isEqualTo(ring.credentials().signing().orElseThrow().certificate());
        AuthnRequest received = TestSamlMessages.reparse(OpenSaml.toXml(request));
        verifier.verifyEnveloped(received, List.of(after));
        assertThatThrownBy(() -> verifier.verifyEnveloped(received, List.of(before)))
                .isInstanceOf(SignatureRejectedException.class);
    }

    @Test
    void signWhenKeyIsBoundToAnUninstalledProviderThenThatProviderSignsAndXmlsec1Verifies() {
        UninstalledProvider hsm = new UninstalledProvider();
        SamlCredentials bound = TestSamlCredentials.boundTo(hsm);
        XmlSigner hsmSigner = new XmlSigner(bound);
        X509Certificate hsmCertificate = bound.signing().orElseThrow().certificate();
        assertThat(java.security.Security.getProvider(hsm.getName())).isNull();
        Response response = TestSamlMessages.response();
        int before = hsm.signatures.get();

        hsmSigner.sign(response.getAssertions().get(0));
        hsmSigner.sign(response);
        RedirectSignature redirect = hsmSigner.signRedirect("SAMLRequest=x&SigAlg=y".getBytes(StandardCharsets.UTF_8));

        assertThat(hsm.signatures.get() - before).isEqualTo(3);
        String xml = OpenSaml.toXml(response);
        Xmlsec1.Result result = Xmlsec1.verify(xml, hsmCertificate, Xmlsec1.RESPONSE);
        assertThat(result.ok()).as(result.toString()).isTrue();
        Response received = TestSamlMessages.reparse(xml);
        verifier.verifyEnveloped(received, List.of(hsmCertificate));
        verifier.verifyEnveloped(received.getAssertions().get(0), List.of(hsmCertificate));
        verifier.verifyRedirect("SAMLRequest=x&SigAlg=y".getBytes(StandardCharsets.UTF_8), redirect.sigAlg(),
                redirect.signature(), List.of(hsmCertificate));
    }

    @Test
    void signWhenSoftwareKeyThenSignedOnTheProviderSignatureProvidersChooses() {
        UninstalledProvider preferred = new UninstalledProvider();
        XmlSigner onPreferred = new XmlSigner(credentials,
                id.satupintu.keys.jca.SignatureProviders.preferring(preferred));
        AuthnRequest request = TestSamlMessages.authnRequest();

        onPreferred.sign(request);
        onPreferred.signRedirect(new byte[] {1});

        assertThat(preferred.signatures.get()).isEqualTo(2);
        Xmlsec1.Result result = Xmlsec1.verify(OpenSaml.toXml(request), certificate, Xmlsec1.AUTHN_REQUEST);
        assertThat(result.ok()).as(result.toString()).isTrue();
    }

    @Test
    void signWhenManyThreadsSignAtOnceThenEverySignatureVerifies() throws Exception {
        // the prepared key (credential, KeyInfo generator, parameters) is shared by every request thread
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> signed = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                signed.add(pool.submit(() -> {
                    Response response = TestSamlMessages.response();
                    signer.sign(response.getAssertions().get(0));
                    signer.sign(response);
                    return OpenSaml.toXml(response);
                }));
            }
            for (var future : signed) {
                Response received = TestSamlMessages.reparse(future.get());
                verifier.verifyEnveloped(received, List.of(certificate));
                verifier.verifyEnveloped(received.getAssertions().get(0), List.of(certificate));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> algorithms(Element signature, String localName) {
        var nodes = signature.getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, localName);
        List<String> result = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add(((Element) nodes.item(i)).getAttribute("Algorithm"));
        }
        return result;
    }
}
