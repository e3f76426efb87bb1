package id.satupintu.idp.saml.xml;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Service-provider messages signed by xmlsec1, not by OpenSAML: an independent signer, and one that
 * signs whatever it is asked to (SHA-1, an empty Reference URI, a Reference to another element) so the
 * verifier's refusals are tested on signatures that are cryptographically valid.
 */
final class SignedTemplates {

    static final String EXC_C14N = SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    static final String RSA_SHA256 = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    static final String SHA256 = SignatureConstants.ALGO_ID_DIGEST_SHA256;
    static final String STANDARD_TRANSFORMS = transform(SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE)
            + transform(EXC_C14N);

    private SignedTemplates() {
    }

    /** Signature options; {@code referenceUri} null means {@code "#" + the request's ID}. */
    record Options(String signatureAlgorithm, String digestAlgorithm, String transforms, String referenceUri) {

        static Options standard() {
            return new Options(RSA_SHA256, SHA256, STANDARD_TRANSFORMS, null);
        }

        Options withSignatureAlgorithm(String algorithm) {
            return new Options(algorithm, digestAlgorithm, transforms, referenceUri);
        }

        Options withDigestAlgorithm(String algorithm) {
            return new Options(signatureAlgorithm, algorithm, transforms, referenceUri);
        }

        Options withReferenceUri(String uri) {
            return new Options(signatureAlgorithm, digestAlgorithm, transforms, uri);
        }
    }

    static String transform(String algorithm) {
        return "<ds:Transform Algorithm=\"" + algorithm + "\"/>";
    }

    static String signature(Options options, String id) {
        String uri = options.referenceUri() == null ? "#" + id : options.referenceUri();
        return "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                + "<ds:CanonicalizationMethod Algorithm=\"" + EXC_C14N + "\"/>"
                + "<ds:SignatureMethod Algorithm=\"" + options.signatureAlgorithm() + "\"/>"
                + "<ds:Reference URI=\"" + uri + "\"><ds:Transforms>" + options.transforms() + "</ds:Transforms>"
                + "<ds:DigestMethod Algorithm=\"" + options.digestAlgorithm() + "\"/><ds:DigestValue/></ds:Reference>"
                + "</ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>";
    }

    /** An AuthnRequest as a service provider signs it, the signature after the Issuer (SAML Core §3.2.1). */
    static String authnRequest(String id, Options options, SamlCredentials signer) {
        String template = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"2026-11-28T10:00:00Z\" Destination=\"https://id.satupintu.example/saml2/idp/sso\" "
                + "AssertionConsumerServiceURL=\"" + TestSamlMessages.ACS + "\">"
                + "<saml:Issuer>" + TestSamlMessages.SP + "</saml:Issuer>"
                + signature(options, id)
                + "<samlp:Extensions><x:Note xmlns:x=\"urn:test:extension\">hello</x:Note></samlp:Extensions>"
                + "<samlp:NameIDPolicy AllowCreate=\"true\" Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>"
                + "</samlp:AuthnRequest>";
        return sign(template, signer, Xmlsec1.AUTHN_REQUEST);
    }

    /** A Response whose signature (right after its Issuer) references what {@code options} says. */
    static String response(String id, String assertionId, Options options, SamlCredentials signer) {
        String template = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"2026-11-28T10:00:00Z\">"
                + "<saml:Issuer>" + TestSamlMessages.SP + "</saml:Issuer>"
                + signature(options, id)
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
                + "<saml:Assertion ID=\"" + assertionId + "\" Version=\"2.0\" IssueInstant=\"2026-11-28T10:00:00Z\">"
                + "<saml:Issuer>" + TestSamlMessages.SP + "</saml:Issuer>"
                + "<saml:Subject><saml:NameID>" + TestSamlMessages.NAME_ID + "</saml:NameID></saml:Subject>"
                + "</saml:Assertion></samlp:Response>";
        return sign(template, signer, Xmlsec1.RESPONSE, Xmlsec1.ASSERTION);
    }

    private static String sign(String template, SamlCredentials signer, String... idElements) {
        SamlCredentials.Credential credential = signer.signing().orElseThrow();
        PrivateKey key = credential.privateKey().key();
        X509Certificate certificate = credential.certificate();
        return Xmlsec1.sign(template, key, certificate, idElements);
    }
}
