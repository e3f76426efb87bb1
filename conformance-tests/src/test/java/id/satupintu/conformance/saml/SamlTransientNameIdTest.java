package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code NameIDPolicy} honoured (SAML Core §3.4.1.1, §8.3.8): an SP asking for a transient NameID
 * gets one, different on every sign-in and different from the persistent one.
 */
@DisplayName("SAML transient NameID")
class SamlTransientNameIdTest extends SamlConformanceTest {

    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    private static PySaml2ServiceProvider sp;

    @BeforeAll
    static void startServiceProvider() {
        sp = serviceProvider(SpOptions.named("transient"));
    }

    @Test
    @DisplayName("NameIDPolicy transient: transient format, a new value each sign-in, not the persistent one")
    void ssoWhenTransientRequestedThenNewTransientNameIdEachTime() {
        Map<String, Object> first = assertAccepted(ssoAt(newSamlBrowser(sp), sp, "nameid=transient", Citizen.SITI), sp);
        Map<String, Object> second = assertAccepted(ssoAt(newSamlBrowser(sp), sp, "nameid=transient", Citizen.SITI), sp);
        Map<String, Object> persistent = assertAccepted(ssoAt(newSamlBrowser(sp), sp, "nameid=persistent", Citizen.SITI), sp);

        assertThat(first.get("name_id_format")).isEqualTo(TRANSIENT);
        assertThat(second.get("name_id_format")).isEqualTo(TRANSIENT);
        assertThat(second.get("name_id")).isNotEqualTo(first.get("name_id"));
        assertThat(persistent.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat(first.get("name_id")).isNotEqualTo(persistent.get("name_id"));
    }
}
