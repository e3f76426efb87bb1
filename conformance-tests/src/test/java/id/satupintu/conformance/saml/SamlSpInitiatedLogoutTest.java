package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SP-initiated Single Logout (SAML Profiles §4.4): pysaml2 sends a signed LogoutRequest over
 * HTTP-Redirect to SatuPintu's SLO service, gets a LogoutResponse with status Success back, and
 * SatuPintu's session is gone: the next SSO asks the citizen to sign in.
 */
@DisplayName("SAML single logout started at the SP")
class SamlSpInitiatedLogoutTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider sp;

    @BeforeAll
    static void startServiceProvider() {
        sp = serviceProvider(SpOptions.named("slo-sp"));
    }

    @Test
    @DisplayName("logout at the SP: LogoutResponse Success back at the SP, SP session ended, next SSO asks to sign in")
    void logoutWhenSpInitiatedThenSuccessResponseAndIdpSessionEnded() {
        SamlBrowser browser = newSamlBrowser(sp);
        assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);

        FrontChannel.Result logout = frontChannel.open(browser, sp.logout(), null);

        assertThat(logout.visited(issuer().resolve("/saml2/idp/slo"))).as("went through the IdP's SLO service: " + logout)
                .isTrue();
        assertThat(logout.endedAt(sp.baseUrl().resolve("/slo"))).as("ended at the SP's SLO endpoint: " + logout
                + " " + logout.finalPage().headline() + "\nSP log:\n" + sp.logTail()).isTrue();
        Map<String, Object> answer = logout.json();
        assertThat(answer.get("status")).as("LogoutResponse status, " + answer).isEqualTo(SUCCESS);
        assertThat(answer.get("logged_out")).isEqualTo(true);
        assertThat(answer.get("sub_status")).as("second-level status").isNull();
        assertThat(whoamiStatus(browser, sp)).as("SP session after logout").isEqualTo(401);

        FrontChannel.Result next = ssoAt(browser, sp, "", null);
        assertThat(next.loginShown()).as("sign-in page on the next SSO: " + next).isTrue();
    }

    @Test
    @DisplayName("the LogoutResponse over HTTP-Redirect carries a signature that verifies with the IdP's metadata certificate")
    void logoutWhenResponseByRedirectThenSignatureVerified() {
        SamlBrowser browser = newSamlBrowser(sp);
        assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);
        int before = sp.sloEvents().size();

        frontChannel.open(browser, sp.logout(), null);

        var events = sp.sloEvents();
        assertThat(events.subList(before, events.size())).as("what the SP's /slo received").anySatisfy(event -> {
            assertThat(event.get("type")).isEqualTo("LogoutResponse");
            assertThat(event.get("error")).isNull();
            if ("redirect".equals(event.get("binding"))) {
                assertThat(event.get("redirect_signature")).isEqualTo("valid");
            }
        });
    }
}
