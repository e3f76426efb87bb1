package id.satupintu.idp.saml.xml;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Verifies the signatures service providers put on what they send.
 *
 * <p><b>Enveloped signatures</b> (SAML Core §5.4): before any cryptography, the signature must be
 * the one SAML Core §5.4 allows and must cover the very element that is processed, which defeats
 * XML signature wrapping: the {@code ds:Signature} is a direct child of the signed element; its
 * single {@code Reference} URI is {@code "#"} + that element's ID (SAML Core §5.4.2); that ID occurs
 * once in the document, so the reference cannot resolve to a decoy; the only transforms are
 * enveloped-signature and exclusive canonicalisation (§5.4.3, §5.4.4: no XPath, no XSLT); the
 * algorithms are on an allow-list without SHA-1. OpenSAML's {@link SAMLSignatureProfileValidator}
 * then checks the profile again and {@link SignatureValidator} verifies with Santuario, secure
 * validation on (xmlsec 2.3's default for {@code XMLSignature(Element, String)}).
 *
 * <p><b>HTTP-Redirect signatures</b> (SAML Bindings §3.4.4.1): {@code SigAlg} from an allow-list, the
 * signature verified over the octets rebuilt from the query string as received.
 *
 * <p>Each refusal is a {@link SignatureRejectedException} whose reason names the failed check.
 */
public final class XmlSignatureVerifier {

    static final String DSIG_NS = SignatureConstants.XMLSIG_NS;

    static final Set<String> SIGNATURE_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);

    static final Set<String> DIGEST_ALGORITHMS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    static final Set<String> CANONICALIZATIONS = Set.of(
            SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            SignatureConstants.ALGO_ID_C14N_EXCL_WITH_COMMENTS);

    static final Set<String> TRANSFORMS = Set.of(
            SignatureConstants.TRANSFORM_ENVELOPED_SIGNATURE,
            SignatureConstants.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
            SignatureConstants.TRANSFORM_C14N_EXCL_WITH_COMMENTS);

    /** SigAlg URIs of HTTP-Redirect signatures and the JCA algorithms that verify them. */
    static final Map<String, String> REDIRECT_ALGORITHMS = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, "SHA384withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256, "SHA256withECDSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384, "SHA384withECDSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512, "SHA512withECDSA");

    private static final SAMLSignatureProfileValidator PROFILE = new SAMLSignatureProfileValidator();

    /**
     * Verifies the enveloped signature of {@code object}, which must have been read by
     * {@link OpenSaml#parse(byte[])} (its DOM is what was signed).
     *
     * @param trusted the certificates of the sender (from its metadata); one of them must verify
     * @throws SignatureRejectedException naming the check that failed
     */
    public void verifyEnveloped(SignableSAMLObject object, List<X509Certificate> trusted) {
        Element root = object.getDOM();
        if (root == null) {
            throw new SignatureRejectedException("the signed element has no parsed XML to verify");
        }
        String id = object.getSignatureReferenceID();
        Signature signature = object.getSignature();
        if (signature == null || signature.getDOM() == null) {
            if (id != null && hasNestedSignatureReferencing(root, id)) {
                throw new SignatureRejectedException("the signature is not a direct child of the signed element");
            }
            throw new SignatureRejectedException("the message is not signed");
        }
        Element signatureElement = signature.getDOM();
        if (signatureElement.getParentNode() != root) {
            throw new SignatureRejectedException("the signature is not a direct child of the signed element");
        }
        if (childElements(root, DSIG_NS, "Signature").size() != 1) {
            throw new SignatureRejectedException("the signed element carries more than one signature");
        }
        if (id == null || id.isBlank()) {
            throw new SignatureRejectedException("the signed element has no ID");
        }
        checkSignedInfo(signatureElement, id);
        checkIdUnique(root, id);
        try {
            PROFILE.validate(signature);
        } catch (SignatureException e) {
            throw new SignatureRejectedException("the signature does not follow the SAML signature profile: "
                    + e.getMessage(), e);
        }
        checkCryptography(signature, trusted);
    }

    private static void checkSignedInfo(Element signatureElement, String id) {
        Element signedInfo = onlyChild(signatureElement, "SignedInfo");
        String canonicalization = algorithm(onlyChild(signedInfo, "CanonicalizationMethod"));
        if (!CANONICALIZATIONS.contains(canonicalization)) {
            throw new SignatureRejectedException("canonicalization " + canonicalization + " is not allowed");
        }
        String signatureMethod = algorithm(onlyChild(signedInfo, "SignatureMethod"));
        if (!SIGNATURE_ALGORITHMS.contains(signatureMethod)) {
            throw new SignatureRejectedException("signature algorithm " + signatureMethod + " is not allowed");
        }
        List<Element> references = childElements(signedInfo, DSIG_NS, "Reference");
        if (references.size() != 1) {
            throw new SignatureRejectedException("the signature must have exactly one Reference, it has "
                    + references.size());
        }
        Element reference = references.get(0);
        String uri = reference.hasAttributeNS(null, "URI") ? reference.getAttributeNS(null, "URI") : null;
        if (uri == null || uri.isEmpty()) {
            throw new SignatureRejectedException("the Reference URI is empty: it must point at the signed element's ID");
        }
        if (!uri.equals("#" + id)) {
            throw new SignatureRejectedException("the Reference does not point at the signed element");
        }
        List<Element> transformsElements = childElements(reference, DSIG_NS, "Transforms");
        if (transformsElements.size() > 1) {
            throw new SignatureRejectedException("the Reference has more than one Transforms element");
        }
        if (!transformsElements.isEmpty()) {
            for (Element transform : childElements(transformsElements.get(0), DSIG_NS, "Transform")) {
                String algorithm = algorithm(transform);
                if (!TRANSFORMS.contains(algorithm)) {
                    throw new SignatureRejectedException("transform " + algorithm + " is not allowed");
                }
            }
        }
        String digest = algorithm(onlyChild(reference, "DigestMethod"));
        if (!DIGEST_ALGORITHMS.contains(digest)) {
            throw new SignatureRejectedException("digest algorithm " + digest + " is not allowed");
        }
    }

    /** No decoy may carry the signed element's ID: otherwise the Reference might resolve to it instead. */
    private static void checkIdUnique(Element root, String id) {
        int[] count = {0};
        countIds(root.getOwnerDocument().getDocumentElement(), id, count);
        if (count[0] != 1) {
            throw new SignatureRejectedException("the signed element's ID occurs " + count[0] + " times in the document");
        }
    }

    private static void countIds(Element element, String id, int[] count) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean idLike = attribute.isId() || "ID".equals(name) || "Id".equals(name) || "id".equals(name)
                    || "AssertionID".equals(name) || "ResponseID".equals(name) || "RequestID".equals(name);
            if (idLike && id.equals(attribute.getValue())) {
                count[0]++;
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                countIds(e, id, count);
            }
        }
    }

    private static void checkCryptography(Signature signature, List<X509Certificate> trusted) {
        if (trusted == null || trusted.isEmpty()) {
            throw new SignatureRejectedException("no trusted certificate for this sender");
        }
        List<X509Certificate> presented = presentedCertificates(signature);
        if (!presented.isEmpty() && presented.stream().noneMatch(p -> trusted.stream().anyMatch(t -> samePublicKey(t, p)))) {
            throw new SignatureRejectedException("signed by a key that is not trusted for this sender");
        }
        for (X509Certificate certificate : trusted) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                // try the next trusted certificate: metadata may list several during a key rollover
            }
        }
        throw new SignatureRejectedException("the signature does not verify with any trusted certificate");
    }

    private static List<X509Certificate> presentedCertificates(Signature signature) {
        if (signature.getKeyInfo() == null) {
            return List.of();
        }
        try {
            return KeyInfoSupport.getCertificates(signature.getKeyInfo());
        } catch (CertificateException e) {
            throw new SignatureRejectedException("the signature's KeyInfo holds a malformed certificate", e);
        }
    }

    private static boolean samePublicKey(X509Certificate a, X509Certificate b) {
        return a.getPublicKey().equals(b.getPublicKey());
    }

    /**
     * Verifies an HTTP-Redirect query signature (SAML Bindings §3.4.4.1).
     *
     * @param signedOctets {@code SAMLRequest=…&RelayState=…&SigAlg=…} exactly as the query string carried them
     * @throws SignatureRejectedException naming the check that failed
     */
    public void verifyRedirect(byte[] signedOctets, String sigAlg, byte[] signature, List<X509Certificate> trusted) {
        if (sigAlg == null || sigAlg.isBlank()) {
            throw new SignatureRejectedException("the SigAlg parameter is missing");
        }
        String jcaAlgorithm = REDIRECT_ALGORITHMS.get(sigAlg);
        if (jcaAlgorithm == null) {
            throw new SignatureRejectedException("signature algorithm " + sigAlg + " is not allowed");
        }
        if (signature == null || signature.length == 0) {
            throw new SignatureRejectedException("the Signature parameter is missing");
        }
        if (signedOctets == null || signedOctets.length == 0) {
            throw new SignatureRejectedException("nothing was signed");
        }
        if (trusted == null || trusted.isEmpty()) {
            throw new SignatureRejectedException("no trusted certificate for this sender");
        }
        for (X509Certificate certificate : trusted) {
            if (verifies(jcaAlgorithm, certificate.getPublicKey(), signedOctets, signature)) {
                return;
            }
        }
        throw new SignatureRejectedException("the query signature does not verify with any trusted certificate");
    }

    private static boolean verifies(String jcaAlgorithm, PublicKey key, byte[] octets, byte[] signature) {
        boolean ec = jcaAlgorithm.endsWith("ECDSA");
        if (ec != "EC".equals(key.getAlgorithm())) {
            return false;
        }
        List<String> candidates = new ArrayList<>(List.of(jcaAlgorithm));
        if (ec) {
            // DER (what the JCA and OpenSAML emit) or r||s (XML Signature's form, SAML Bindings leaves it open)
            candidates.add(jcaAlgorithm + "inP1363Format");
        }
        for (String name : candidates) {
            try {
                java.security.Signature verifier = java.security.Signature.getInstance(name);
                verifier.initVerify(key);
                verifier.update(octets);
                if (verifier.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // a malformed signature for this encoding: try the next one, else the signature is refused
            }
        }
        return false;
    }

    private static boolean hasNestedSignatureReferencing(Element root, String id) {
        var signatures = root.getElementsByTagNameNS(DSIG_NS, "Reference");
        for (int i = 0; i < signatures.getLength(); i++) {
            Element reference = (Element) signatures.item(i);
            if (("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
                return true;
            }
        }
        return false;
    }

    private static Element onlyChild(Element parent, String localName) {
        List<Element> children = childElements(parent, DSIG_NS, localName);
        if (children.size() != 1) {
            throw new SignatureRejectedException("the signature must have exactly one " + localName);
        }
        return children.get(0);
    }

    private static String algorithm(Element element) {
        return element.getAttributeNS(null, "Algorithm");
    }

    static List<Element> childElements(Element parent, String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }
}
