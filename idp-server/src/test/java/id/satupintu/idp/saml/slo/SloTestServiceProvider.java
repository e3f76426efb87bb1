package id.satupintu.idp.saml.slo;

import id.satupintu.idp.saml.TestSpKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.joda.time.DateTime;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.opensaml.xmlsec.signature.support.Signer;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.xml.OpenSaml;

/**
 * A SAML service provider for the single logout tests, written on plain OpenSAML and JCA, not on the
 * IdP's own binding code, so what it accepts is checked independently: its own RSA key and
 * certificate, metadata with the SLO bindings a test chooses, HTTP-Redirect and HTTP-POST encoding
 * of its messages, and decoding and verification of the IdP's.
 */
final class SloTestServiceProvider {

    static final String RSA_SHA256 = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    final String entityId;
    final String acsUrl;
    final String sloUrl;
    final String sloResponseUrl;
    final List<SamlBinding> sloBindings;
    private final KeyPair keys;
    final X509Certificate certificate;

    /**
     * @param sloBindings the SLO endpoints its metadata lists; empty for none
     * @param separateResponseLocation whether its SLO endpoints name a distinct {@code ResponseLocation}
     */
    SloTestServiceProvider(String name, List<SamlBinding> sloBindings, boolean separateResponseLocation) {
        OpenSaml.initialize();
        String host = "https://" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".sp.example.id";
        this.entityId = host + "/saml";
        this.acsUrl = host + "/saml/acs";
        this.sloUrl = host + "/saml/slo";
        this.sloResponseUrl = separateResponseLocation ? host + "/saml/slo-response" : sloUrl;
        this.sloBindings = List.copyOf(sloBindings);
        this.keys = TestSpKeys.rsa();
        this.certificate = TestSpKeys.selfSigned(keys, "CN=" + name + " signing");
    }

    String metadata() {
        StringBuilder xml = new StringBuilder()
                .append("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
                .append(" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"").append(entityId).append("\">")
                .append("<md:SPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"")
                .append(" AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\">")
                .append("<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
                .append(TestSpKeys.base64(certificate)).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
        for (SamlBinding binding : sloBindings) {
            xml.append("<md:SingleLogoutService Binding=\"").append(binding.uri()).append("\" Location=\"")
                    .append(sloUrl).append("\"");
            if (!sloResponseUrl.equals(sloUrl)) {
                xml.append(" ResponseLocation=\"").append(sloResponseUrl).append("\"");
            }
            xml.append("/>");
        }
        xml.append("<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>")
                .append("<md:AssertionConsumerService Binding=\"").append(SamlBinding.POST.uri())
                .append("\" Location=\"").append(acsUrl).append("\" index=\"0\" isDefault=\"true\"/>")
                .append("</md:SPSSODescriptor></md:EntityDescriptor>");
        return xml.toString();
    }

    /** @return the HTTP-Redirect URL of an (unsigned) AuthnRequest to the IdP's SSO service */
    String authnRequestUrl(String idpSsoUrl) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(newId());
        request.setIssueInstant(new DateTime(Instant.now().toEpochMilli()));
        request.setDestination(idpSsoUrl);
        request.setProtocolBinding(SamlBinding.POST.uri());
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setIssuer(issuer());
        return idpSsoUrl + "?" + redirectQuery(request, "SAMLRequest", null, false);
    }

    /** A LogoutRequest naming a NameID and SessionIndex; tests change it before encoding. */
    LogoutRequest logoutRequest(String idpSloUrl, String nameId, String format, String sessionIndex) {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(newId());
        request.setIssueInstant(new DateTime(Instant.now().toEpochMilli()));
        request.setNotOnOrAfter(new DateTime(Instant.now().plusSeconds(300).toEpochMilli()));
        request.setDestination(idpSloUrl);
        request.setIssuer(issuer());
        NameID name = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(format);
        request.setNameID(name);
        if (sessionIndex != null) {
            SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setSessionIndex(sessionIndex);
            request.getSessionIndexes().add(index);
        }
        return request;
    }

    /** This SP's answer to the IdP's LogoutRequest (SAML Core §3.7.2). */
    LogoutResponse logoutResponse(String idpSloUrl, String inResponseTo, String statusCode) {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(newId());
        response.setIssueInstant(new DateTime(Instant.now().toEpochMilli()));
        response.setDestination(idpSloUrl);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer());
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(statusCode);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    /** @return the HTTP-Redirect query (SAML Bindings §3.4.4.1), signed with this SP's key when {@code sign} */
    String redirectQuery(SignableSAMLObject message, String parameter, String relayState, boolean sign) {
        StringBuilder query = new StringBuilder(parameter).append('=').append(encode(deflate(OpenSaml.toXml(message))));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (sign) {
            query.append("&SigAlg=").append(encode(RSA_SHA256));
            byte[] signature = rawSignature(query.toString().getBytes(StandardCharsets.UTF_8));
            query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
        }
        return query.toString();
    }

    /** Signs enveloped: RSA-SHA256, SHA-256, exclusive c14n, the certificate in KeyInfo (SAML Core §5.4). */
    void signEnveloped(SignableSAMLObject object) {
        BasicX509Credential credential = new BasicX509Credential(certificate, keys.getPrivate());
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

    /** @return the HTTP-POST form value: base64 of the XML (SAML Bindings §3.5.4) */
    static String postValue(SignableSAMLObject message) {
        return Base64.getEncoder().encodeToString(OpenSaml.toXml(message).getBytes(StandardCharsets.UTF_8));
    }

    /** A message the IdP sent through the browser, as this SP received it. */
    record Received(SamlBinding binding, String destination, String xml, SignableSAMLObject message,
                    String relayState, String sigAlg, byte[] signature, byte[] signedOctets) {
    }

    /** Decodes an HTTP-Redirect message from the IdP's {@code Location}. */
    static Received fromRedirect(String location) {
        URI uri = URI.create(location);
        String rawQuery = uri.getRawQuery();
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            raw.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        String parameter = raw.containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
        String xml = inflate(Base64.getDecoder().decode(decode(raw.get(parameter))));
        StringBuilder octets = new StringBuilder(parameter).append('=').append(raw.get(parameter));
        if (raw.containsKey("RelayState")) {
            octets.append("&RelayState=").append(raw.get("RelayState"));
        }
        String sigAlg = raw.containsKey("SigAlg") ? decode(raw.get("SigAlg")) : null;
        if (sigAlg != null) {
            octets.append("&SigAlg=").append(raw.get("SigAlg"));
        }
        byte[] signature = raw.containsKey("Signature") ? Base64.getDecoder().decode(decode(raw.get("Signature"))) : null;
        String destination = location.substring(0, location.indexOf('?'));
        return new Received(SamlBinding.REDIRECT, destination, xml,
                (SignableSAMLObject) OpenSaml.parse(xml.getBytes(StandardCharsets.UTF_8)),
                raw.containsKey("RelayState") ? decode(raw.get("RelayState")) : null, sigAlg, signature,
                octets.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an HTTP-POST message from the IdP's auto-submitting form page. */
    static Received fromPostForm(String html) {
        Matcher action = FORM_ACTION.matcher(html);
        if (!action.find()) {
            throw new AssertionError("no form in page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        String parameter = fields.containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
        String xml = new String(Base64.getDecoder().decode(fields.get(parameter)), StandardCharsets.UTF_8);
        return new Received(SamlBinding.POST, unescape(action.group(1)), xml,
                (SignableSAMLObject) OpenSaml.parse(xml.getBytes(StandardCharsets.UTF_8)), fields.get("RelayState"),
                null, null, null);
    }

    /** Verifies the IdP's signature as an SP does: the query signature by JCA, an enveloped one by OpenSAML. */
    static void verify(Received received, X509Certificate idpCertificate) {
        try {
            if (received.binding() == SamlBinding.REDIRECT) {
                if (!RSA_SHA256.equals(received.sigAlg())) {
                    throw new AssertionError("unexpected SigAlg " + received.sigAlg());
                }
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(idpCertificate.getPublicKey());
                verifier.update(received.signedOctets());
                if (!verifier.verify(received.signature())) {
                    throw new AssertionError("query signature does not verify");
                }
            } else {
                new SAMLSignatureProfileValidator().validate(received.message().getSignature());
                SignatureValidator.validate(received.message().getSignature(), new BasicX509Credential(idpCertificate));
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("IdP signature does not verify", e);
        }
    }

    private Issuer issuer() {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        return issuer;
    }

    private byte[] rawSignature(byte[] octets) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(octets);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newId() {
        return "_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&#43;", "+").replace("&#x2B;", "+").replace("&#61;", "=").replace("&#x3D;", "=")
                .replace("&#47;", "/").replace("&#x2F;", "/").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static String deflate(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFLATED, true))) {
            deflater.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String inflate(byte[] deflated) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
