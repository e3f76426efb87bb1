package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code ForceAuthn} and {@code IsPassive} (SAML Core §3.4.1): a forced request asks a signed-in
 * citizen to sign in again; a passive one never shows a page, and without a session is answered
 * with status {@code NoPassive}.
 */
@DisplayName("SAML ForceAuthn and IsPassive")
class SamlForceAuthnAndIsPassiveTest extends SamlConformanceTest {

    private static final String NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";

    private static PySaml2ServiceProvider sp;

    @BeforeAll
    static void startServiceProvider() {
        sp = serviceProvider(SpOptions.named("force-passive"));
    }

    @Test
    @DisplayName("ForceAuthn with a session: the citizen signs in again, then pysaml2 accepts")
    void ssoWhenForceAuthnAndSignedInThenLoginPageAgain() {
        SamlBrowser browser = newSamlBrowser(sp);
        assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);

        FrontChannel.Result forced = ssoAt(browser, sp, "force=1", Citizen.SITI);

        assertThat(forced.loginShown()).as("sign-in page for ForceAuthn: " + forced).isTrue();
        assertAccepted(forced, sp);
    }

    @Test
    @DisplayName("IsPassive with a session: no page, pysaml2 accepts")
    void ssoWhenPassiveAndSignedInThenAcceptedWithoutPages() {
        SamlBrowser browser = newSamlBrowser(sp);
        assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);

        FrontChannel.Result passive = ssoAt(browser, sp, "passive=1", null);

        assertAccepted(passive, sp);
        assertThat(passive.loginShown()).isFalse();
    }

    @Test
    @DisplayName("IsPassive without a session: no sign-in page, a Response with status NoPassive")
    void ssoWhenPassiveAndNotSignedInThenNoPassiveStatus() {
        FrontChannel.Result passive = ssoAt(newSamlBrowser(sp), sp, "passive=1", Citizen.SITI);

        assertThat(passive.loginShown()).as("sign-in page for a passive request: " + passive).isFalse();
        assertThat(passive.lastPost("SAMLResponse")).as("Response posted to the SP: " + passive)
                .hasValueSatisfying(post -> {
                    assertThat(post.action()).isEqualTo(sp.acs());
                    assertThat(statusCode(post.messageXml())).isNotEqualTo(SUCCESS);
                    assertThat(post.messageXml()).contains(NO_PASSIVE);
                });
        assertThat(passive.finalPage().status()).as("pysaml2 does not accept a NoPassive answer as a sign-in")
                .isNotEqualTo(200);
    }
}
