package id.satupintu.idp.saml.xml;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.jca.SignatureProviders;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.security.SecurityException;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;
import org.w3c.dom.Element;

/**
 * Signs what this IdP sends with the ACTIVE SAML signing key.
 *
 * <p>Enveloped XML signatures (SAML Core §5): RSA-SHA256 for RSA keys, ECDSA-SHA256 for EC keys,
 * a SHA-256 digest, exclusive canonicalisation (SAML Core §5.4.3–5.4.4: the only transforms are
 * enveloped-signature and exc-c14n, the Reference points at the signed element's ID) and a
 * {@code KeyInfo} carrying the X.509 certificate, as service providers expect to see it.
 *
 * <p>HTTP-Redirect query signatures (SAML Bindings §3.4.4.1) sign the octets of the query string with
 * the same key through the JCA.
 *
 * <p>Software keys sign on the fastest provider ({@link SignatureProviders}: the Amazon Corretto Crypto
 * Provider where it loads, about four times the JDK's RSA signing rate); keys held in an HSM
 * ({@link PrivateKeyHandle#isHardwareBound()}) on their handle's provider. Neither need be installed in
 * the JVM's provider list.
 *
 * <p>On the SSO hot path: the OpenSAML credential, the KeyInfo generator and the algorithm URIs
 * are built once per ACTIVE key and reused until the key rotates. Thread-safe.
 */
public final class XmlSigner {

    private final SamlCredentials credentials;
    private final SignatureProviders providers;
    private final AtomicReference<PreparedKey> prepared = new AtomicReference<>();

    /** Signs software keys on the fastest provider of this JVM ({@link SignatureProviders#system()}). */
    public XmlSigner(SamlCredentials credentials) {
        this(credentials, SignatureProviders.system());
    }

    /** @param providers where software keys sign; a key bound to a provider (HSM) always signs on its own */
    public XmlSigner(SamlCredentials credentials, SignatureProviders providers) {
        OpenSaml.initialize();
        this.credentials = credentials;
        this.providers = providers;
    }

    /**
     * Adds an enveloped signature to {@code object} and computes it. The object must carry its ID
     * (the signature's Reference points at it). Child objects signed before (an assertion inside a
     * response) keep their signatures: exclusive canonicalisation makes them independent of the parent.
     *
     * @throws IllegalStateException when this node has no SAML key that can sign, or the object has no ID
     */
    public void sign(SignableSAMLObject object) {
        String id = object.getSignatureReferenceID();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("a signed SAML object needs an ID: " + object.getElementQName());
        }
        PreparedKey key = current();
        Signature signature = OpenSaml.build(Signature.DEFAULT_ELEMENT_NAME);
        object.setSignature(signature);
        try {
            SignatureSupport.prepareSignatureParams(signature, key.parameters());
            OpenSaml.marshal(object);
            signOnProvider(signature, key);
        } catch (SecurityException | SignatureException e) {
            throw new IllegalStateException("could not sign " + object.getElementQName().getLocalPart() + " with key "
                    + key.kid(), e);
        }
    }

    /**
     * What Santuario's {@code XMLSignature.sign} (called by OpenSAML's {@code Signer}) does, but on a provider
     * chosen per key: Santuario asks the JCA by algorithm name only, which finds neither an HSM's PKCS#11
     * provider nor the Amazon Corretto Crypto Provider unless they were installed globally, and the
     * {@code keys} module deliberately installs neither (see {@link SignatureProviders}). Digests and the
     * canonical SignedInfo still come from Santuario; only the private-key operation moves.
     */
    private static void signOnProvider(Signature signature, PreparedKey key) throws SignatureException {
        XMLSignature xml = ((SignatureImpl) signature).getXMLSignature();
        if (xml == null) {
            throw new SignatureException("the signature was not marshalled");
        }
        try {
            SignedInfo signedInfo = xml.getSignedInfo();
            signedInfo.generateDigestValues();
            java.io.ByteArrayOutputStream octets = new java.io.ByteArrayOutputStream();
            signedInfo.signInOctetStream(octets);
            java.security.Signature jca = java.security.Signature.getInstance(key.jcaAlgorithm(), key.provider());
            jca.initSign(key.handle().key());
            jca.update(octets.toByteArray());
            byte[] value = jca.sign();
            if (key.ecFieldBytes() > 0) {
                // XML Signature 1.1 §6.4.3: ECDSA values are r || s, not the JCA's DER SEQUENCE
                value = EcdsaSignatures.derToConcatenated(value, key.ecFieldBytes());
            }
            Element signatureValue = (Element) signature.getDOM()
                    .getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "SignatureValue").item(0);
            signatureValue.setTextContent(java.util.Base64.getEncoder().encodeToString(value));
        } catch (org.apache.xml.security.exceptions.XMLSecurityException | GeneralSecurityException e) {
            throw new SignatureException("signing through the key's provider failed", e);
        }
    }

    /**
     * Signs the octets of an HTTP-Redirect query ({@code SAMLResponse=…&RelayState=…&SigAlg=…}, SAML Bindings
     * §3.4.4.1), with the {@code SigAlg} already in them: call {@link #redirectSigAlg()} first.
     */
    public RedirectSignature signRedirect(byte[] signedOctets) {
        PreparedKey key = current();
        try {
            java.security.Signature jca = java.security.Signature.getInstance(key.jcaAlgorithm(), key.provider());
            jca.initSign(key.handle().key());
            jca.update(signedOctets);
            return new RedirectSignature(key.signatureAlgorithm(), jca.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a redirect query with key " + key.kid(), e);
        }
    }

    /** @return the {@code SigAlg} URI the next {@link #signRedirect} will produce */
    public String redirectSigAlg() {
        return current().signatureAlgorithm();
    }

    /** @return the certificate of the key that signs now */
    public X509Certificate signingCertificate() {
        return current().certificate();
    }

    private PreparedKey current() {
        SamlCredentials.Credential credential = credentials.signing()
                .orElseThrow(() -> new IllegalStateException("no ACTIVE SAML signing key with a certificate on this node"));
        PreparedKey cached = prepared.get();
        if (cached != null && cached.kid().equals(credential.kid())) {
            return cached;
        }
        PreparedKey fresh = PreparedKey.of(credential, providers);
        prepared.set(fresh);
        return fresh;
    }

    /** Everything the signatures of one key need, built once. */
    private record PreparedKey(String kid, X509Certificate certificate, PrivateKeyHandle handle,
                               String signatureAlgorithm, String jcaAlgorithm, SignatureSigningParameters parameters,
                               int ecFieldBytes, java.security.Provider provider) {

        static PreparedKey of(SamlCredentials.Credential credential, SignatureProviders providers) {
            PrivateKey privateKey = credential.privateKey().key();
            boolean ec = "EC".equals(credential.certificate().getPublicKey().getAlgorithm());
            String algorithm = ec ? SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256
                    : SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
            BasicX509Credential x509 = new BasicX509Credential(credential.certificate(), privateKey);
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            KeyInfoGenerator generator = keyInfo.newInstance();
            SignatureSigningParameters parameters = new SignatureSigningParameters();
            parameters.setSigningCredential(x509);
            parameters.setSignatureAlgorithm(algorithm);
            parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
            parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            parameters.setSignatureReferenceCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            parameters.setKeyInfoGenerator(generator);
            int ecFieldBytes = ec ? (((java.security.interfaces.ECPublicKey) credential.certificate().getPublicKey())
                    .getParams().getOrder().bitLength() + 7) / 8 : 0;
            java.security.Provider provider = credential.privateKey().isHardwareBound()
                    ? credential.privateKey().provider()
                    : providers.forSigning(ec ? KeyAlgorithm.ES256 : KeyAlgorithm.RS256);
            return new PreparedKey(credential.kid(), credential.certificate(), credential.privateKey(), algorithm,
                    ec ? "SHA256withECDSA" : "SHA256withRSA", parameters, ecFieldBytes, provider);
        }
    }
}
