package id.satupintu.idp.saml.sso;

import id.satupintu.idp.saml.TestSpKeys;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.opensaml.xmlsec.signature.support.Signer;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.OpenSaml;

/**
 * A small SAML service provider of the tests' own, written straight on OpenSAML (not on this IdP's
 * classes): its own signing and encryption key pairs with self-signed certificates, its metadata,
 * AuthnRequests signed over HTTP-Redirect (query signature) or HTTP-POST (enveloped), and the
 * decryption and signature checks of what the IdP answers.
 */
final class TestServiceProvider {

    static final String AUTHN_REQUESTS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String RSA_SHA256 = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    static final String DISPLAY_NAME = "Layanan Uji SAML";

    final String entityId;
    final String acsUrl;
    final String otherAcsUrl;
    final KeyPair signingKeys;
    final X509Certificate signingCertificate;
    final KeyPair encryptionKeys;
    final X509Certificate encryptionCertificate;

    private TestServiceProvider(String entityId) {
        OpenSaml.initialize();
        this.entityId = entityId;
        String base = entityId.replaceAll("/+$", "");
        this.acsUrl = base + "/saml/acs";
        this.otherAcsUrl = base + "/saml/acs-two";
        this.signingKeys = TestSpKeys.rsa();
        this.signingCertificate = TestSpKeys.selfSigned(signingKeys, "CN=" + UUID.randomUUID() + " signing");
        this.encryptionKeys = TestSpKeys.rsa();
        this.encryptionCertificate = TestSpKeys.selfSigned(encryptionKeys, "CN=" + UUID.randomUUID() + " encryption");
    }

    /** @return a new SP under {@code https://<name>.sp.example.id/} */
    static TestServiceProvider create(String name) {
        return new TestServiceProvider("https://" + name + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".sp.example.id/");
    }

    /** Metadata options. */
    record MetadataOptions(boolean authnRequestsSigned, boolean wantAssertionsSigned, boolean encryption,
                           List<String> nameIdFormats, List<String> encryptionMethods) {

        static MetadataOptions defaults() {
            return new MetadataOptions(false, false, true, List.of(), List.of());
        }

        MetadataOptions signedRequests() {
            return new MetadataOptions(true, wantAssertionsSigned, encryption, nameIdFormats, encryptionMethods);
        }

        MetadataOptions withoutEncryption() {
            return new MetadataOptions(authnRequestsSigned, wantAssertionsSigned, false, nameIdFormats, encryptionMethods);
        }

        MetadataOptions nameIdFormats(String... formats) {
            return new MetadataOptions(authnRequestsSigned, wantAssertionsSigned, encryption, List.of(formats),
                    encryptionMethods);
        }
    }

    /** @return the SP's metadata: two HTTP-POST ACS (index 0 default, index 1) and a Redirect one (index 2) */
    String metadata(MetadataOptions options) {
        StringBuilder xml = new StringBuilder();
        xml.append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
                .append(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"").append(entityId).append("\">")
                .append("<md:SPSSODescriptor protocolSupportEnumeration=\"").append(AUTHN_REQUESTS).append("\"")
                .append(" AuthnRequestsSigned=\"").append(options.authnRequestsSigned()).append("\"")
                .append(" WantAssertionsSigned=\"").append(options.wantAssertionsSigned()).append("\">")
                .append("<md:Extensions><mdui:UIInfo xmlns:mdui=\"urn:oasis:names:tc:SAML:metadata:ui\">")
                .append("<mdui:DisplayName xml:lang=\"id\">").append(DISPLAY_NAME).append("</mdui:DisplayName>")
                .append("</mdui:UIInfo></md:Extensions>")
                .append(keyDescriptor("signing", signingCertificate, List.of()));
        if (options.encryption()) {
            xml.append(keyDescriptor("encryption", encryptionCertificate, options.encryptionMethods()));
        }
        xml.append("<md:SingleLogoutService Binding=\"").append(SamlBinding.REDIRECT.uri())
                .append("\" Location=\"").append(entityId).append("saml/slo\"/>");
        for (String format : options.nameIdFormats()) {
            xml.append("<md:NameIDFormat>").append(format).append("</md:NameIDFormat>");
        }
        xml.append(acs(SamlBinding.POST, acsUrl, 0, true))
                .append(acs(SamlBinding.POST, otherAcsUrl, 1, false))
                .append(acs(SamlBinding.REDIRECT, entityId + "saml/acs-redirect", 2, false))
                .append("</md:SPSSODescriptor></md:EntityDescriptor>");
        return xml.toString();
    }

    /** @return the SP as the registry would record it, for unit tests that need no database */
    ServiceProvider record(String agencyCode, MetadataOptions options, ServiceProvider.Settings settings) {
        return new ServiceProvider(UUID.randomUUID(), agencyCode, entityId, DISPLAY_NAME,
                List.of(new ServiceProvider.Endpoint(SamlBinding.POST, acsUrl, null, 0, true),
                        new ServiceProvider.Endpoint(SamlBinding.POST, otherAcsUrl, null, 1, false),
                        new ServiceProvider.Endpoint(SamlBinding.REDIRECT, entityId + "saml/acs-redirect", null, 2, false)),
                List.of(new ServiceProvider.Endpoint(SamlBinding.REDIRECT, entityId + "saml/slo", null, null, null)),
                List.of(signingCertificate), options.encryption() ? List.of(encryptionCertificate) : List.of(),
                options.encryptionMethods(), options.authnRequestsSigned(), options.wantAssertionsSigned(),
                options.nameIdFormats(), settings, metadata(options));
    }

    private static String keyDescriptor(String use, X509Certificate certificate, List<String> methods) {
        StringBuilder xml = new StringBuilder("<md:KeyDescriptor use=\"" + use + "\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + TestSpKeys.base64(certificate) + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>");
        methods.forEach(m -> xml.append("<md:EncryptionMethod Algorithm=\"").append(m).append("\"/>"));
        return xml.append("</md:KeyDescriptor>").toString();
    }

    private static String acs(SamlBinding binding, String location, int index, boolean isDefault) {
        return "<md:AssertionConsumerService Binding=\"" + binding.uri() + "\" Location=\"" + location
                + "\" index=\"" + index + "\"" + (isDefault ? " isDefault=\"true\"" : "") + "/>";
    }

    /** A fresh AuthnRequest to the given IdP SSO URL; callers adjust it before encoding. */
    AuthnRequest authnRequest(String destination) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID("_" + UUID.randomUUID().toString().replace("-", ""));
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(new DateTime(Instant.now().toEpochMilli(), DateTimeZone.UTC));
        request.setDestination(destination);
        request.setProtocolBinding(SamlBinding.POST.uri());
        request.setAssertionConsumerServiceURL(acsUrl);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        request.setIssuer(issuer);
        return request;
    }

    static void nameIdPolicy(AuthnRequest request, String format, String spNameQualifier) {
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setFormat(format);
        policy.setSPNameQualifier(spNameQualifier);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
    }

    static void requestedAuthnContext(AuthnRequest request, AuthnContextComparisonTypeEnumeration comparison,
                                      String... classRefs) {
        RequestedAuthnContext context = OpenSaml.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
        context.setComparison(comparison);
        for (String ref : classRefs) {
            AuthnContextClassRef classRef = OpenSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setAuthnContextClassRef(ref);
            context.getAuthnContextClassRefs().add(classRef);
        }
        request.setRequestedAuthnContext(context);
    }

    /** Signs the object enveloped (RSA-SHA256, SHA-256, exclusive c14n, the certificate in KeyInfo). */
    void signEnveloped(SignableSAMLObject object) {
        BasicX509Credential credential = new BasicX509Credential(signingCertificate, signingKeys.getPrivate());
        org.opensaml.xmlsec.signature.Signature signature = OpenSaml.build(
                org.opensaml.xmlsec.signature.Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(RSA_SHA256);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        try {
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            signature.setKeyInfo(keyInfo.newInstance().generate(credential));
            object.setSignature(signature);
            ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                    .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
            OpenSaml.marshal(object);
            Signer.signObject(signature);
        } catch (Exception e) {
            throw new IllegalStateException("test SP cannot sign", e);
        }
    }

    /** @return the HTTP-POST form value (base64 of the XML) */
    static String postValue(XMLObject message) {
        return Base64.getEncoder().encodeToString(OpenSaml.toXml(message).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the HTTP-Redirect query (SAML Bindings §3.4.4.1), signed with RSA-SHA256 when {@code sign} */
    String redirectQuery(XMLObject message, String relayState, boolean sign) {
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(deflate(OpenSaml.toXml(message))));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (sign) {
            query.append("&SigAlg=").append(encode(RSA_SHA256));
            byte[] signature = signRaw(query.toString().getBytes(StandardCharsets.UTF_8));
            query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
        }
        return query.toString();
    }

    byte[] signRaw(byte[] octets) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKeys.getPrivate());
            signature.update(octets);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the Response from the SAMLResponse form value */
    static Response parseResponse(String base64) {
        return (Response) OpenSaml.parse(Base64.getDecoder().decode(base64));
    }

    /** @return the assertion, decrypted with this SP's encryption key */
    Assertion decrypt(EncryptedAssertion encrypted) {
        BasicX509Credential credential = new BasicX509Credential(encryptionCertificate, encryptionKeys.getPrivate());
        KeyInfoCredentialResolver resolver = new StaticKeyInfoCredentialResolver(credential);
        Decrypter decrypter = new Decrypter(null, resolver, new InlineEncryptedKeyResolver());
        decrypter.setRootInNewDocument(true);
        try {
            return decrypter.decrypt(encrypted);
        } catch (Exception e) {
            throw new IllegalStateException("test SP cannot decrypt", e);
        }
    }

    /** Checks a signature as an SP does: SAML signature profile, then the IdP's certificate. */
    static void verify(SignableSAMLObject object, X509Certificate idpCertificate) {
        try {
            new SAMLSignatureProfileValidator().validate(object.getSignature());
            SignatureValidator.validate(object.getSignature(), new BasicX509Credential(idpCertificate));
        } catch (Exception e) {
            throw new AssertionError("signature of " + object.getElementQName().getLocalPart() + " does not verify", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String deflate(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static List<String> values(List<? extends XMLObject> objects) {
        List<String> values = new ArrayList<>();
        objects.forEach(o -> values.add(o.getDOM() == null ? null : o.getDOM().getTextContent()));
        return values;
    }
}
