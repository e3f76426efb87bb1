package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.satupintu.conformance.harness.saml.Xmlsec1;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SatuPintu's IdP metadata at its documented URL (SAML Metadata §2.4.3): signed, with signing and
 * encryption certificates, SSO and SLO endpoints for both bindings and the NameID formats; the
 * signature checked by xmlsec1, not by the code that made it.
 */
@DisplayName("SAML IdP metadata")
class SamlIdpMetadataTest extends SamlConformanceTest {

    private static final Pattern KEY_DESCRIPTOR = Pattern.compile(
            "<(?:\\w+:)?KeyDescriptor\\b([^>]*)>.*?<(?:\\w+:)?X509Certificate>([^<]+)</", Pattern.DOTALL);
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    @Test
    @DisplayName("the metadata's signature verifies with xmlsec1 and the metadata's own signing certificate")
    void metadataWhenVerifiedByXmlsec1ThenSignatureValid() {
        List<String> signing = certificates("signing");
        assertThat(signing).as("signing certificates").isNotEmpty();
        assertThat(idp.xml()).contains("SignatureValue");
        Xmlsec1.Verdict verdict = Xmlsec1.verify(idp.xml(), "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
                signing.get(0));
        assertThat(verdict.valid()).as("xmlsec1: " + verdict.output()).isTrue();
    }

    @Test
    @DisplayName("a tampered copy of the metadata does not verify")
    void metadataWhenTamperedThenXmlsec1Rejects() {
        String tampered = idp.xml().replace(issuer() + "/saml2/idp/sso", "http://evil.example/saml2/idp/sso");
        assertThat(tampered).isNotEqualTo(idp.xml());
        Xmlsec1.Verdict verdict = Xmlsec1.verify(tampered, "urn:oasis:names:tc:SAML:2.0:metadata:EntityDescriptor",
                certificates("signing").get(0));
        assertThat(verdict.valid()).as("xmlsec1: " + verdict.output()).isFalse();
    }

    @Test
    @DisplayName("SSO and SLO for HTTP-Redirect and HTTP-POST, an encryption certificate, persistent and transient NameIDs")
    void metadataWhenReadThenEndpointsKeysAndNameIdFormats() {
        String xml = idp.xml();
        for (String binding : List.of(REDIRECT, POST)) {
            assertThat(xml).containsPattern("SingleSignOnService[^>]*Binding=\"" + binding + "\"[^>]*Location=\""
                    + issuer() + "/saml2/idp/sso\"|SingleSignOnService[^>]*Location=\"" + issuer()
                    + "/saml2/idp/sso\"[^>]*Binding=\"" + binding + "\"");
            assertThat(xml).containsPattern("SingleLogoutService[^>]*Binding=\"" + binding + "\"[^>]*Location=\""
                    + issuer() + "/saml2/idp/slo\"|SingleLogoutService[^>]*Location=\"" + issuer()
                    + "/saml2/idp/slo\"[^>]*Binding=\"" + binding + "\"");
        }
        assertThat(certificates("encryption")).as("encryption certificates").isNotEmpty();
        assertThat(xml).contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")
                .contains("urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
    }

    /** @return the base64 certificates of KeyDescriptors with this use, or without a use (both uses) */
    private static List<String> certificates(String use) {
        List<String> certificates = new ArrayList<>();
        Matcher matcher = KEY_DESCRIPTOR.matcher(idp.xml());
        while (matcher.find()) {
            String attributes = matcher.group(1);
            if (attributes.contains("use=\"" + use + "\"") || !attributes.contains("use=")) {
                certificates.add(matcher.group(2).replaceAll("\\s", ""));
            }
        }
        return certificates;
    }
}
