package id.satupintu.idp.saml.sp;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import id.satupintu.idp.keys.TestSamlCredentials;

/**
 * Fixtures: SP metadata documents (SAML Metadata §2.4.4) written as text, so each test states exactly
 * the XML it sends. Defaults: a unique entity ID, one HTTP-POST ACS and one HTTP-Redirect SLO on
 * {@code https://sp.example}, one {@code KeyDescriptor} without {@code use}, AES-256-GCM listed.
 */
public final class TestSpMetadata {

    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";

    public String entityId = uniqueEntityId();
    public String rootAttributes = "";
    public String spAttributes = "AuthnRequestsSigned=\"true\" WantAssertionsSigned=\"true\"";
    public String protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public String extensions = "";
    public final List<String> keyDescriptors = new ArrayList<>();
    public final List<String> endpoints = new ArrayList<>();
    public final List<String> nameIdFormats = new ArrayList<>(List.of(PERSISTENT));

    private TestSpMetadata() {
    }

    /** @return the defaults described on the class */
    public static TestSpMetadata standard() {
        TestSpMetadata metadata = new TestSpMetadata();
        metadata.keyDescriptors.add(keyDescriptor(null, certificate(), GCM));
        metadata.endpoints.add(slo(REDIRECT, "https://sp.example/slo"));
        metadata.endpoints.add(acs(POST, "https://sp.example/acs", 0, null));
        return metadata;
    }

    public static String uniqueEntityId() {
        return "https://sp-" + UUID.randomUUID().toString().substring(0, 8) + ".example/saml";
    }

    /** @return a certificate that parses (the shared test SAML signing certificate) */
    public static X509Certificate certificate() {
        return TestSamlCredentials.shared().publishedSigningCertificates().get(0);
    }

    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String keyDescriptor(String use, X509Certificate certificate, String... encryptionMethods) {
        return keyDescriptorWithValue(use, base64(certificate), encryptionMethods);
    }

    public static String keyDescriptorWithValue(String use, String certificateValue, String... encryptionMethods) {
        StringBuilder xml = new StringBuilder("<md:KeyDescriptor").append(use == null ? "" : " use=\"" + use + "\"")
                .append("><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data><ds:X509Certificate>")
                .append(certificateValue).append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo>");
        for (String method : encryptionMethods) {
            xml.append("<md:EncryptionMethod Algorithm=\"").append(method).append("\"/>");
        }
        return xml.append("</md:KeyDescriptor>").toString();
    }

    public static String acs(String binding, String location, int index, Boolean isDefault) {
        return "<md:AssertionConsumerService Binding=\"" + binding + "\" Location=\"" + location + "\" index=\""
                + index + "\"" + (isDefault == null ? "" : " isDefault=\"" + isDefault + "\"") + "/>";
    }

    public static String slo(String binding, String location) {
        return "<md:SingleLogoutService Binding=\"" + binding + "\" Location=\"" + location + "\"/>";
    }

    public static String displayNames(String... langAndName) {
        StringBuilder xml = new StringBuilder("<md:Extensions><mdui:UIInfo xmlns:mdui=\"urn:oasis:names:tc:SAML:metadata:ui\">");
        for (int i = 0; i < langAndName.length; i += 2) {
            xml.append("<mdui:DisplayName xml:lang=\"").append(langAndName[i]).append("\">").append(langAndName[i + 1])
                    .append("</mdui:DisplayName>");
        }
        return xml.append("</mdui:UIInfo></md:Extensions>").toString();
    }

    public TestSpMetadata endpointsOnly(String... newEndpoints) {
        endpoints.clear();
        endpoints.addAll(List.of(newEndpoints));
        return this;
    }

    /** @return the document, children in the order of SAML Metadata §2.4.2 and §2.4.4 (SLO, NameIDFormat, then ACS) */
    public String xml() {
        StringBuilder xml = new StringBuilder("<md:EntityDescriptor xmlns:md=\"").append(MD).append("\" ID=\"_")
                .append(UUID.randomUUID()).append("\" entityID=\"").append(entityId).append("\"").append(rootAttributes)
                .append("><md:SPSSODescriptor ").append(spAttributes).append(" protocolSupportEnumeration=\"")
                .append(protocol).append("\">").append(extensions);
        keyDescriptors.forEach(xml::append);
        endpoints.stream().filter(e -> e.startsWith("<md:SingleLogoutService")).forEach(xml::append);
        nameIdFormats.forEach(f -> xml.append("<md:NameIDFormat>").append(f).append("</md:NameIDFormat>"));
        endpoints.stream().filter(e -> !e.startsWith("<md:SingleLogoutService")).forEach(xml::append);
        return xml.append("</md:SPSSODescriptor></md:EntityDescriptor>").toString();
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }
}
