package id.satupintu.idp.saml.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import id.satupintu.idp.keys.SamlCredentials;
import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.testsupport.Xmlsec1;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdui.UIInfo;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;

/**
 * The IdP metadata document: its content, and its signature checked by our verifier and, independently,
 * by xmlsec1; a tampered copy fails both.
 */
class IdpMetadataBuilderTest {

    private static final String ISSUER = "https://id.satupintu.example";
    private static final String ENTITY_DESCRIPTOR = "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final SamlCredentials credentials = TestSamlCredentials.shared();
    private final String xml = new IdpMetadataBuilder(ISSUER, new XmlSigner(credentials))
            .build(credentials.publishedSigningCertificates(), credentials.publishedEncryptionCertificates(), NOW,
                    Duration.ofHours(1));

    @Test
    void buildWhenKeysPublishedThenSignatureVerifiesWithOurVerifierAndXmlsec1() {
        EntityDescriptor entity = parse(xml);

        new XmlSignatureVerifier().verifyEnveloped(entity, credentials.publishedSigningCertificates());
        Xmlsec1.Result independent = Xmlsec1.verify(xml, credentials.publishedSigningCertificates().get(0), ENTITY_DESCRIPTOR);
        assertThat(independent.ok()).as(independent.toString()).isTrue();
    }

    @Test
    void buildWhenTamperedAfterSigningThenBothVerifiersRefuse() {
        String tampered = xml.replace(ISSUER + SamlPaths.SSO, "https://evil.example" + SamlPaths.SSO);
        assertThat(tampered).isNotEqualTo(xml);

        assertThatThrownBy(() -> new XmlSignatureVerifier().verifyEnveloped(parse(tampered),
                credentials.publishedSigningCertificates())).isInstanceOf(SignatureRejectedException.class);
        assertThat(Xmlsec1.verify(tampered, credentials.publishedSigningCertificates().get(0), ENTITY_DESCRIPTOR).ok())
                .isFalse();
    }

    @Test
    void buildWhenSignedByOtherKeyThenNotTrustedByPublishedCertificate() {
        SamlCredentials other = TestSamlCredentials.unrelated();
        String foreign = new IdpMetadataBuilder(ISSUER, new XmlSigner(other)).build(
                other.publishedSigningCertificates(), other.publishedEncryptionCertificates(), NOW, Duration.ofHours(1));

        assertThatThrownBy(() -> new XmlSignatureVerifier().verifyEnveloped(parse(foreign),
                credentials.publishedSigningCertificates())).isInstanceOf(SignatureRejectedException.class);
    }

    @Test
    void buildThenEntityIdIssuerValidUntilAndCacheDuration() {
        EntityDescriptor entity = parse(xml);

        assertThat(entity.getEntityID()).isEqualTo(ISSUER);
        assertThat(Instant.ofEpochMilli(entity.getValidUntil().getMillis())).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(entity.getCacheDuration()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(entity.getOrganization().getDisplayNames()).extracting(n -> n.getXMLLang()).containsExactly("id", "en");
    }

    @Test
    void buildThenIdpSsoDescriptorWithEndpointsUnderIssuerForBothBindings() {
        IDPSSODescriptor idp = parse(xml).getIDPSSODescriptor(SAMLConstants.SAML20P_NS);

        assertThat(idp).isNotNull();
        assertThat(idp.getWantAuthnRequestsSigned()).isFalse();
        assertThat(idp.getSingleSignOnServices()).extracting(e -> e.getBinding() + " " + e.getLocation())
                .containsExactly(SamlBinding.REDIRECT.uri() + " " + ISSUER + SamlPaths.SSO,
                        SamlBinding.POST.uri() + " " + ISSUER + SamlPaths.SSO);
        assertThat(idp.getSingleLogoutServices()).extracting(e -> e.getBinding() + " " + e.getLocation())
                .containsExactly(SamlBinding.REDIRECT.uri() + " " + ISSUER + SamlPaths.SLO,
                        SamlBinding.POST.uri() + " " + ISSUER + SamlPaths.SLO);
        assertThat(idp.getNameIDFormats()).extracting(f -> f.getFormat()).containsExactly(
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        UIInfo ui = (UIInfo) idp.getExtensions().getUnknownXMLObjects(UIInfo.DEFAULT_ELEMENT_NAME).get(0);
        assertThat(ui.getDisplayNames()).extracting(n -> n.getXMLLang()).containsExactly("id", "en");
    }

    @Test
    void buildThenEverySigningAndEncryptionCertificateListedByUse() throws Exception {
        IDPSSODescriptor idp = parse(xml).getIDPSSODescriptor(SAMLConstants.SAML20P_NS);

        assertThat(certificates(idp, UsageType.SIGNING)).containsExactlyElementsOf(credentials.publishedSigningCertificates());
        assertThat(certificates(idp, UsageType.ENCRYPTION))
                .containsExactlyElementsOf(credentials.publishedEncryptionCertificates());
        KeyDescriptor encryption = idp.getKeyDescriptors().stream().filter(k -> k.getUse() == UsageType.ENCRYPTION)
                .findFirst().orElseThrow();
        assertThat(encryption.getEncryptionMethods()).extracting(m -> m.getAlgorithm())
                .contains("http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2009/xmlenc11#aes128-gcm",
                        "http://www.w3.org/2009/xmlenc11#rsa-oaep");
    }

    @Test
    void buildWhenRolloverThenNextAndRetiredCertificatesListedToo() {
        List<X509Certificate> rollover = List.of(credentials.publishedSigningCertificates().get(0),
                TestSamlCredentials.unrelated().publishedSigningCertificates().get(0));

        String document = new IdpMetadataBuilder(ISSUER, new XmlSigner(credentials))
                .build(rollover, List.of(), NOW, Duration.ofHours(1));

        IDPSSODescriptor idp = parse(document).getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertThat(certificates(idp, UsageType.SIGNING)).containsExactlyElementsOf(rollover);
        assertThat(certificates(idp, UsageType.ENCRYPTION)).isEmpty();
    }

    @Test
    void buildWhenIssuerEndsWithSlashThenEntityIdWithout() {
        String document = new IdpMetadataBuilder(ISSUER + "/", new XmlSigner(credentials))
                .build(credentials.publishedSigningCertificates(), List.of(), NOW, Duration.ofHours(1));

        assertThat(parse(document).getEntityID()).isEqualTo(ISSUER);
    }

    @Test
    void endpointWhenIssuerEndsWithSlashThenNoDoubleSlash() {
        assertThat(IdpMetadataBuilder.endpoint("https://id.example/", SamlPaths.SSO)).isEqualTo("https://id.example/saml2/idp/sso");
        assertThat(IdpMetadataBuilder.endpoint("https://id.example", SamlPaths.SSO)).isEqualTo("https://id.example/saml2/idp/sso");
    }

    private static List<X509Certificate> certificates(IDPSSODescriptor idp, UsageType use) {
        return idp.getKeyDescriptors().stream().filter(k -> k.getUse() == use)
                .flatMap(k -> k.getKeyInfo().getX509Datas().stream())
                .flatMap(d -> d.getX509Certificates().stream())
                .map(c -> id.satupintu.idp.saml.sp.Pem.fromBase64(c.getValue()))
                .toList();
    }

    private static EntityDescriptor parse(String document) {
        return (EntityDescriptor) OpenSaml.parse(document.getBytes(StandardCharsets.UTF_8));
    }
}
