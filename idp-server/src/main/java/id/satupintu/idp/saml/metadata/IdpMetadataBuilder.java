package id.satupintu.idp.saml.metadata;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.xml.namespace.QName;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlSigner;
import org.joda.time.DateTime;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdui.DisplayName;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EncryptionMethod;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Extensions;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.Organization;
import org.opensaml.saml.saml2.metadata.OrganizationDisplayName;
import org.opensaml.saml.saml2.metadata.OrganizationName;
import org.opensaml.saml.saml2.metadata.OrganizationURL;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;

/**
 * Writes this IdP's metadata (SAML Metadata §2.3.2 {@code EntityDescriptor} with one §2.4.3
 * {@code IDPSSODescriptor}) and signs it with {@link XmlSigner}:
 * <ul>
 * <li>{@code entityID} is the issuer without a trailing slash (as the SSO side names itself in
 *     {@code Issuer}); SSO and SLO endpoints for HTTP-Redirect and HTTP-POST at
 *     {@link SamlPaths} under the issuer;</li>
 * <li>{@code WantAuthnRequestsSigned="false"}: whether requests must be signed is decided per service
 *     provider (its metadata's {@code AuthnRequestsSigned} or an administrator's setting), not for all;</li>
 * <li>a {@code KeyDescriptor use="signing"} for every published signing certificate (NEXT, ACTIVE and
 *     RETIRED, so service providers learn a new key before it signs and keep an old one while
 *     cached responses may still carry it) and {@code use="encryption"} for every published encryption
 *     certificate, with the {@code EncryptionMethod}s this IdP decrypts;</li>
 * <li>NameID formats persistent, transient and unspecified (SAML Core §8.3);</li>
 * <li>{@code validUntil} and {@code cacheDuration} (§2.3.1), an {@code Organization} and
 *     {@code mdui:DisplayName} (Metadata UI 1.0) in Indonesian and English.</li>
 * </ul>
 */
public final class IdpMetadataBuilder {

    /** How long a signed document stays valid: SPs that cannot reach us keep working for a week. */
    public static final Duration VALID_FOR = Duration.ofDays(7);

    /** Data and key-transport algorithms SPs may encrypt for us with (XML Encryption 1.1 §5). */
    static final List<String> ENCRYPTION_METHODS = List.of(
            "http://www.w3.org/2009/xmlenc11#aes256-gcm",
            "http://www.w3.org/2009/xmlenc11#aes128-gcm",
            "http://www.w3.org/2009/xmlenc11#rsa-oaep",
            "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");

    static final List<String> NAME_ID_FORMATS = List.of(NameIDType.PERSISTENT, NameIDType.TRANSIENT,
            NameIDType.UNSPECIFIED);

    static final String NAME = "SatuPintu";
    static final String DISPLAY_NAME_ID = "SatuPintu — Identitas Digital Nasional";
    static final String DISPLAY_NAME_EN = "SatuPintu — National Digital Identity";

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final String issuer;
    private final XmlSigner signer;

    /** @param issuer the issuer identifier (also the OIDC issuer), the base of every endpoint URL */
    public IdpMetadataBuilder(String issuer, XmlSigner signer) {
        this.issuer = entityId(issuer);
        this.signer = signer;
    }

    /** @return this IdP's entity ID: the issuer without a trailing slash */
    public static String entityId(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** @return the URL of one of the IdP's SAML paths under the issuer */
    public static String endpoint(String issuer, String path) {
        return entityId(issuer) + path;
    }

    /**
     * @return the signed document, serialised
     * @throws IllegalStateException when no SAML signing key can sign on this node
     */
    public String build(List<X509Certificate> signingCertificates, List<X509Certificate> encryptionCertificates,
                        Instant now, Duration cacheDuration) {
        OpenSaml.initialize();
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(issuer);
        entity.setID("_" + HexFormat.of().formatHex(randomBytes()));
        entity.setValidUntil(new DateTime(now.plus(VALID_FOR).toEpochMilli()));
        entity.setCacheDuration(cacheDuration.toMillis());

        IDPSSODescriptor idp = OpenSaml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(false);
        idp.setExtensions(uiInfo());
        for (X509Certificate certificate : signingCertificates) {
            idp.getKeyDescriptors().add(keyDescriptor(UsageType.SIGNING, certificate, List.of()));
        }
        for (X509Certificate certificate : encryptionCertificates) {
            idp.getKeyDescriptors().add(keyDescriptor(UsageType.ENCRYPTION, certificate, ENCRYPTION_METHODS));
        }
        for (SamlBinding binding : SamlBinding.values()) {
            idp.getSingleLogoutServices().add(endpoint(SingleLogoutService.DEFAULT_ELEMENT_NAME, binding, SamlPaths.SLO));
        }
        for (String format : NAME_ID_FORMATS) {
            NameIDFormat nameIdFormat = OpenSaml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            nameIdFormat.setFormat(format);
            idp.getNameIDFormats().add(nameIdFormat);
        }
        for (SamlBinding binding : SamlBinding.values()) {
            idp.getSingleSignOnServices().add(endpoint(SingleSignOnService.DEFAULT_ELEMENT_NAME, binding, SamlPaths.SSO));
        }
        entity.getRoleDescriptors().add(idp);
        entity.setOrganization(organization());
        signer.sign(entity);
        return OpenSaml.toXml(entity);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private <T extends Endpoint> T endpoint(QName element, SamlBinding binding, String path) {
        T endpoint = OpenSaml.build(element);
        endpoint.setBinding(binding.uri());
        endpoint.setLocation(endpoint(issuer, path));
        return endpoint;
    }

    private static KeyDescriptor keyDescriptor(UsageType use, X509Certificate certificate, List<String> methods) {
        org.opensaml.xmlsec.signature.X509Certificate value =
                OpenSaml.build(org.opensaml.xmlsec.signature.X509Certificate.DEFAULT_ELEMENT_NAME);
        try {
            value.setValue(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("published certificate cannot be encoded", e);
        }
        X509Data data = OpenSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
        data.getX509Certificates().add(value);
        KeyInfo keyInfo = OpenSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        keyInfo.getX509Datas().add(data);
        KeyDescriptor descriptor = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(use);
        descriptor.setKeyInfo(keyInfo);
        for (String algorithm : methods) {
            EncryptionMethod method = OpenSaml.build(EncryptionMethod.DEFAULT_ELEMENT_NAME);
            method.setAlgorithm(algorithm);
            descriptor.getEncryptionMethods().add(method);
        }
        return descriptor;
    }

    private static Extensions uiInfo() {
        UIInfo info = OpenSaml.build(UIInfo.DEFAULT_ELEMENT_NAME);
        info.getDisplayNames().add(displayName("id", DISPLAY_NAME_ID));
        info.getDisplayNames().add(displayName("en", DISPLAY_NAME_EN));
        Extensions extensions = OpenSaml.build(Extensions.DEFAULT_ELEMENT_NAME);
        extensions.getUnknownXMLObjects().add(info);
        return extensions;
    }

    private static DisplayName displayName(String language, String value) {
        DisplayName name = OpenSaml.build(DisplayName.DEFAULT_ELEMENT_NAME);
        name.setXMLLang(language);
        name.setValue(value);
        return name;
    }

    private Organization organization() {
        Organization organization = OpenSaml.build(Organization.DEFAULT_ELEMENT_NAME);
        for (String language : List.of("id", "en")) {
            OrganizationName name = OpenSaml.build(OrganizationName.DEFAULT_ELEMENT_NAME);
            name.setXMLLang(language);
            name.setValue(NAME);
            organization.getOrganizationNames().add(name);
        }
        OrganizationDisplayName id = OpenSaml.build(OrganizationDisplayName.DEFAULT_ELEMENT_NAME);
        id.setXMLLang("id");
        id.setValue(DISPLAY_NAME_ID);
        OrganizationDisplayName en = OpenSaml.build(OrganizationDisplayName.DEFAULT_ELEMENT_NAME);
        en.setXMLLang("en");
        en.setValue(DISPLAY_NAME_EN);
        organization.getDisplayNames().addAll(List.of(id, en));
        for (String language : List.of("id", "en")) {
            OrganizationURL url = OpenSaml.build(OrganizationURL.DEFAULT_ELEMENT_NAME);
            url.setXMLLang(language);
            url.setValue(issuer);
            organization.getURLs().add(url);
        }
        return organization;
    }
}
