package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Encrypted assertions (SAML Core §2.3.4, §6): for an SP whose metadata publishes an encryption
 * certificate, the Response carries an {@code EncryptedAssertion} that pysaml2 decrypts with xmlsec1
 * (AES-256-GCM content, RSA-OAEP key transport by SatuPintu's default) and accepts.
 */
@DisplayName("SAML SSO with encrypted assertions")
class SamlEncryptedAssertionTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider encrypting;

    @BeforeAll
    static void startServiceProvider() {
        encrypting = serviceProvider(SpOptions.named("encrypted").encryption(true).scopes("profile"));
    }

    @Test
    @DisplayName("SP with an encryption certificate: EncryptedAssertion on the wire, decrypted and accepted by pysaml2")
    void ssoWhenSpHasEncryptionCertificateThenEncryptedAssertionDecryptedAndAccepted() {
        FrontChannel.Result result = ssoAt(newSamlBrowser(encrypting), encrypting, "", Citizen.SITI);

        Map<String, Object> session = assertAccepted(result, encrypting);
        assertThat(session.get("assertion_encrypted")).as("EncryptedAssertion in the Response").isEqualTo(true);
        assertThat(result.lastPost("SAMLResponse")).hasValueSatisfying(post -> assertThat(post.messageXml())
                .contains("EncryptedAssertion").doesNotContain("AuthnContextClassRef"));
        assertThat(session.get("response_signed")).isEqualTo(true);
        assertThat(session.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat(session.get("authn_context_class_ref")).isEqualTo(LOA2);
        assertThat(attributeValues(session)).anySatisfy(value -> assertThat(value.toLowerCase()).contains("rahayu"));
    }

    @Test
    @DisplayName("the encrypted assertion names the same persistent NameID as a plain one for the same agency")
    void ssoWhenEncryptedThenSameNameIdAsPlainSpOfSameAgency() {
        PySaml2ServiceProvider plain = serviceProvider(SpOptions.named("plain"));
        String encrypted = (String) assertAccepted(ssoAt(newSamlBrowser(encrypting), encrypting, "", Citizen.SITI),
                encrypting).get("name_id");
        String unencrypted = (String) assertAccepted(ssoAt(newSamlBrowser(plain), plain, "", Citizen.SITI), plain)
                .get("name_id");
        assertThat(encrypted).isEqualTo(unencrypted);
    }
}
