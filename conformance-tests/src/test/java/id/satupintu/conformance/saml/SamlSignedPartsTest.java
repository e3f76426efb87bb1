package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The per-SP choice of what is signed (SAML Core §5.2/§6, SAML Profiles §4.1.3.5): only the
 * Response or only the Assertion, each accepted by a pysaml2 SP configured to want exactly that.
 */
@DisplayName("SAML signed parts per SP")
class SamlSignedPartsTest extends SamlConformanceTest {

    @Test
    @DisplayName("signed_parts RESPONSE: the Response is signed, the Assertion not, pysaml2 accepts")
    void ssoWhenResponseOnlySignedThenAccepted() {
        PySaml2ServiceProvider sp = serviceProvider(SpOptions.named("response-signed").signedParts("RESPONSE"));
        Map<String, Object> session = assertAccepted(ssoAt(newSamlBrowser(sp), sp, "", Citizen.SITI), sp);
        assertThat(session.get("response_signed")).isEqualTo(true);
        assertThat(session.get("assertion_signed")).isEqualTo(false);
    }

    @Test
    @DisplayName("signed_parts ASSERTION: the Assertion is signed, the Response not, pysaml2 accepts")
    void ssoWhenAssertionOnlySignedThenAccepted() {
        PySaml2ServiceProvider sp = serviceProvider(SpOptions.named("assertion-signed").signedParts("ASSERTION"));
        Map<String, Object> session = assertAccepted(ssoAt(newSamlBrowser(sp), sp, "", Citizen.SITI), sp);
        assertThat(session.get("response_signed")).isEqualTo(false);
        assertThat(session.get("assertion_signed")).isEqualTo(true);
    }
}
