package id.satupintu.idp.saml.sp;

import static id.satupintu.idp.saml.sp.TestSpMetadata.POST;
import static id.satupintu.idp.saml.sp.TestSpMetadata.REDIRECT;
import static id.satupintu.idp.saml.sp.TestSpMetadata.acs;
import static id.satupintu.idp.saml.sp.TestSpMetadata.slo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import id.satupintu.idp.keys.TestSamlCredentials;
import id.satupintu.idp.saml.SamlBinding;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** What {@link SpMetadataParser} reads from SP metadata, and each reason it refuses metadata for. */
class SpMetadataParserTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private final SpMetadataParser parser = new SpMetadataParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void parseWhenStandardMetadataThenEveryFieldRead() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.nameIdFormats.add("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        metadata.endpoints.add(acs(REDIRECT, "https://sp.example/acs-redirect", 1, null));
        metadata.endpoints.add(slo(POST, "https://sp.example/slo-post"));

        SpMetadata read = parser.parse(metadata.bytes());

        assertThat(read.entityId()).isEqualTo(metadata.entityId);
        assertThat(read.displayName()).as("no mdui: the entity ID").isEqualTo(metadata.entityId);
        assertThat(read.assertionConsumerServices()).containsExactly(
                new ServiceProvider.Endpoint(SamlBinding.POST, "https://sp.example/acs", null, 0, null),
                new ServiceProvider.Endpoint(SamlBinding.REDIRECT, "https://sp.example/acs-redirect", null, 1, null));
        assertThat(read.singleLogoutServices()).extracting(ServiceProvider.Endpoint::binding)
                .containsExactly(SamlBinding.REDIRECT, SamlBinding.POST);
        assertThat(read.signingCertificates()).containsExactly(TestSpMetadata.certificate());
        assertThat(read.encryptionCertificates()).as("no use: both").containsExactly(TestSpMetadata.certificate());
        assertThat(read.encryptionMethods()).containsExactly(TestSpMetadata.GCM);
        assertThat(read.authnRequestsSigned()).isTrue();
        assertThat(read.wantAssertionsSigned()).isTrue();
        assertThat(read.nameIdFormats()).containsExactly(TestSpMetadata.PERSISTENT,
                "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
        assertThat(read.validUntil()).isNull();
    }

    @Test
    void parseWhenKeyDescriptorsHaveUseThenCertificatesSeparated() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        java.security.cert.X509Certificate other = TestSamlCredentials.unrelated().publishedSigningCertificates().get(0);
        metadata.keyDescriptors.clear();
        metadata.keyDescriptors.add(TestSpMetadata.keyDescriptor("signing", TestSpMetadata.certificate()));
        metadata.keyDescriptors.add(TestSpMetadata.keyDescriptor("encryption", other,
                "http://www.w3.org/2001/04/xmlenc#aes128-cbc"));

        SpMetadata read = parser.parse(metadata.bytes());

        assertThat(read.signingCertificates()).containsExactly(TestSpMetadata.certificate());
        assertThat(read.encryptionCertificates()).containsExactly(other);
        assertThat(read.encryptionMethods()).containsExactly("http://www.w3.org/2001/04/xmlenc#aes128-cbc");
    }

    @Test
    void parseWhenNoKeyDescriptorAndNoSignedFlagsThenEmptyAndFalse() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.keyDescriptors.clear();
        metadata.spAttributes = "";

        SpMetadata read = parser.parse(metadata.bytes());

        assertThat(read.signingCertificates()).isEmpty();
        assertThat(read.encryptionCertificates()).isEmpty();
        assertThat(read.authnRequestsSigned()).isFalse();
        assertThat(read.wantAssertionsSigned()).isFalse();
    }

    @Test
    void parseWhenMduiDisplayNamesThenIndonesianThenEnglishThenAny() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.extensions = TestSpMetadata.displayNames("en", "Land Office", "id", "Kantor Pertanahan");
        assertThat(parser.parse(metadata.bytes()).displayName()).isEqualTo("Kantor Pertanahan");

        metadata.extensions = TestSpMetadata.displayNames("fr", "Cadastre", "en", " Land Office ");
        assertThat(parser.parse(metadata.bytes()).displayName()).isEqualTo("Land Office");

        metadata.extensions = TestSpMetadata.displayNames("fr", "Cadastre");
        assertThat(parser.parse(metadata.bytes()).displayName()).isEqualTo("Cadastre");
    }

    @Test
    void parseWhenOtherBindingsListedThenIgnored() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.endpoints.add(acs("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact", "https://sp.example/art", 5, true));
        metadata.endpoints.add(slo("urn:oasis:names:tc:SAML:2.0:bindings:SOAP", "https://sp.example/soap"));

        SpMetadata read = parser.parse(metadata.bytes());

        assertThat(read.assertionConsumerServices()).extracting(ServiceProvider.Endpoint::location)
                .containsExactly("https://sp.example/acs");
        assertThat(read.singleLogoutServices()).extracting(ServiceProvider.Endpoint::location)
                .containsExactly("https://sp.example/slo");
    }

    @Test
    void parseWhenIsDefaultAndResponseLocationThenKept() {
        TestSpMetadata metadata = TestSpMetadata.standard().endpointsOnly(
                "<md:SingleLogoutService Binding=\"" + POST + "\" Location=\"https://sp.example/slo\""
                        + " ResponseLocation=\"https://sp.example/slo-response\"/>",
                acs(POST, "https://sp.example/a", 3, false), acs(POST, "https://sp.example/b", 4, true));

        SpMetadata read = parser.parse(metadata.bytes());

        assertThat(read.singleLogoutServices().get(0).responseDestination()).isEqualTo("https://sp.example/slo-response");
        assertThat(read.assertionConsumerServices()).extracting(ServiceProvider.Endpoint::isDefault)
                .containsExactly(false, true);
    }

    @Test
    void parseWhenLoopbackHttpEndpointsThenAccepted() {
        TestSpMetadata metadata = TestSpMetadata.standard().endpointsOnly(
                slo(REDIRECT, "http://127.0.0.1:8080/slo"), acs(POST, "http://localhost:8080/acs", 0, null));

        assertThat(parser.parse(metadata.bytes()).assertionConsumerServices().get(0).location())
                .isEqualTo("http://localhost:8080/acs");
    }

    @Test
    void parseWhenValidUntilInFutureThenAcceptedWithIt() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.rootAttributes = " validUntil=\"2026-12-01T00:00:00Z\"";

        assertThat(parser.parse(metadata.bytes()).validUntil()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void parseWhenValidUntilPastOnEntityOrRoleThenExpired() {
        TestSpMetadata entity = TestSpMetadata.standard();
        entity.rootAttributes = " validUntil=\"2026-11-28T09:59:59Z\"";
        TestSpMetadata role = TestSpMetadata.standard();
        role.spAttributes = "validUntil=\"2020-01-01T00:00:00Z\"";

        refused(entity.xml()).hasMessageContaining("metadata expired");
        refused(role.xml()).hasMessageContaining("metadata expired");
    }

    @Test
    void parseStoredWhenValidUntilPastThenStillRead() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.rootAttributes = " validUntil=\"2020-01-01T00:00:00Z\"";

        assertThat(parser.parseStored(metadata.xml()).entityId()).isEqualTo(metadata.entityId);
    }

    @Test
    void parseWhenNotMetadataThenRefused() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(InvalidMetadataException.class)
                .hasMessage("metadata is empty");
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(InvalidMetadataException.class)
                .hasMessage("metadata is empty");
        refused("not xml").hasMessageContaining("metadata refused");
        refused("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">")
                .hasMessageContaining("metadata refused");
        refused("<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\"/>").hasMessageContaining("root must be md:EntityDescriptor");
    }

    @Test
    void parseWhenDoctypeOrExternalEntityThenRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + TestSpMetadata.standard().xml().replace("https://sp.example/acs", "https://sp.example/&e;");

        refused(xxe).hasMessageContaining("metadata refused");
    }

    @Test
    void parseWhenEntitiesDescriptorThenRefusedWithReason() {
        String aggregate = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"
                + TestSpMetadata.standard().xml().replace(" xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"", "")
                + "</md:EntitiesDescriptor>";

        refused(aggregate).hasMessageContaining("EntitiesDescriptor (federation aggregate) is not accepted");
    }

    @Test
    void parseWhenEntityIdMissingTooLongOrWithSpaceThenRefused() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        refused(metadata.xml().replace("entityID=\"" + metadata.entityId + "\"", "")).hasMessageContaining("no entityID");

        metadata.entityId = "https://sp.example/" + "a".repeat(1010);
        refused(metadata.xml()).hasMessageContaining("1024");

        metadata.entityId = "https://sp.example/a b";
        refused(metadata.xml()).hasMessageContaining("whitespace");
    }

    @Test
    void parseWhenNoSaml2SpSsoDescriptorOrTwoThenRefused() {
        TestSpMetadata saml1 = TestSpMetadata.standard();
        saml1.protocol = "urn:oasis:names:tc:SAML:1.1:protocol";
        refused(saml1.xml()).hasMessageContaining("no SPSSODescriptor with protocolSupportEnumeration");

        TestSpMetadata idp = TestSpMetadata.standard();
        String idpOnly = idp.xml().replaceAll("(?s)SPSSODescriptor [^>]*>.*</md:SPSSODescriptor>",
                "IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                        + "<md:SingleSignOnService Binding=\"" + POST + "\" Location=\"https://idp.example/sso\"/>"
                        + "</md:IDPSSODescriptor>");
        refused(idpOnly).hasMessageContaining("no SPSSODescriptor");

        String xml = TestSpMetadata.standard().xml();
        String role = xml.substring(xml.indexOf("<md:SPSSODescriptor"), xml.indexOf("</md:EntityDescriptor>"));
        refused(xml.replace("</md:EntityDescriptor>", role + "</md:EntityDescriptor>"))
                .hasMessageContaining("more than one SPSSODescriptor");
    }

    @Test
    void parseWhenNoHttpPostAcsThenRefused() {
        TestSpMetadata redirectOnly = TestSpMetadata.standard().endpointsOnly(acs(REDIRECT, "https://sp.example/acs", 0, null));
        refused(redirectOnly.xml()).hasMessageContaining("no AssertionConsumerService with the HTTP-POST binding");

        TestSpMetadata artifactOnly = TestSpMetadata.standard().endpointsOnly(
                acs("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact", "https://sp.example/acs", 0, null));
        refused(artifactOnly.xml()).hasMessageContaining("HTTP-POST");
    }

    @Test
    void parseWhenAcsIndexRepeatedThenRefused() {
        TestSpMetadata metadata = TestSpMetadata.standard().endpointsOnly(
                acs(POST, "https://sp.example/a", 1, null), acs(REDIRECT, "https://sp.example/b", 1, null));

        refused(metadata.xml()).hasMessageContaining("share index 1");
    }

    @Test
    void parseWhenEndpointLocationNotAcceptableThenRefusedNamingTheRule() {
        for (List<String> badAndReason : List.of(
                List.of("http://sp.example/acs", "must use https"),
                List.of("ftp://sp.example/acs", "must use https"),
                List.of("/acs", "absolute URL"),
                List.of("https:///acs", "absolute URL"),
                List.of("https://user@sp.example/acs", "user information"),
                List.of("https://sp.example/acs#frag", "fragment"),
                List.of("https://sp.example/a cs", "not a valid URL"),
                List.of("", "has no Location"))) {
            TestSpMetadata metadata = TestSpMetadata.standard().endpointsOnly(acs(POST, badAndReason.get(0), 0, null));

            refused(metadata.xml()).as(badAndReason.get(0))
                    .hasMessageStartingWith("AssertionConsumerService").hasMessageContaining(badAndReason.get(1));
        }
    }

    @Test
    void parseWhenSloLocationOrResponseLocationNotHttpsThenRefused() {
        TestSpMetadata location = TestSpMetadata.standard().endpointsOnly(
                slo(REDIRECT, "http://sp.example/slo"), acs(POST, "https://sp.example/acs", 0, null));
        refused(location.xml()).hasMessageContaining("SingleLogoutService Location must use https");

        TestSpMetadata response = TestSpMetadata.standard().endpointsOnly(
                "<md:SingleLogoutService Binding=\"" + REDIRECT + "\" Location=\"https://sp.example/slo\""
                        + " ResponseLocation=\"http://sp.example/slo\"/>", acs(POST, "https://sp.example/acs", 0, null));
        refused(response.xml()).hasMessageContaining("SingleLogoutService ResponseLocation Location must use https");
    }

    @Test
    void parseWhenCertificateMissingOrBrokenThenRefused() {
        TestSpMetadata noCertificate = TestSpMetadata.standard();
        noCertificate.keyDescriptors.set(0, "<md:KeyDescriptor><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<ds:KeyName>sp</ds:KeyName></ds:KeyInfo></md:KeyDescriptor>");
        refused(noCertificate.xml()).hasMessageContaining("KeyDescriptor without an X509Certificate");

        TestSpMetadata notBase64 = TestSpMetadata.standard();
        notBase64.keyDescriptors.set(0, TestSpMetadata.keyDescriptorWithValue(null, "***"));
        refused(notBase64.xml()).hasMessageContaining("KeyDescriptor certificate is not valid base64");

        TestSpMetadata notCertificate = TestSpMetadata.standard();
        notCertificate.keyDescriptors.set(0, TestSpMetadata.keyDescriptorWithValue(null, "AAECAwQFBgcICQ=="));
        refused(notCertificate.xml()).hasMessageContaining("KeyDescriptor certificate does not parse as X.509");

        TestSpMetadata empty = TestSpMetadata.standard();
        empty.keyDescriptors.set(0, TestSpMetadata.keyDescriptorWithValue(null, ""));
        refused(empty.xml()).hasMessageContaining("X509Certificate");
    }

    @Test
    void parseWhenNotUtf8ThenRefused() {
        String latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + TestSpMetadata.standard().xml();
        refused(latin1).hasMessage("metadata must be UTF-8 encoded, it declares ISO-8859-1");

        String utf8 = "<?xml version='1.0' encoding='utf-8'?>" + TestSpMetadata.standard().xml();
        assertThat(parser.parse(utf8.getBytes(StandardCharsets.UTF_8)).entityId()).isNotBlank();
        assertThatThrownBy(() -> SpMetadataParser.text(new byte[] {'<', (byte) 0xC3, (byte) 0x28, '>'}))
                .isInstanceOf(InvalidMetadataException.class).hasMessage("metadata must be UTF-8 encoded");
    }

    @Test
    void parseWhenEmptyNameIdFormatThenRefused() {
        TestSpMetadata metadata = TestSpMetadata.standard();
        metadata.nameIdFormats.add(" ");

        refused(metadata.xml()).hasMessageContaining("empty NameIDFormat");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String xml) {
        return assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidMetadataException.class);
    }
}
