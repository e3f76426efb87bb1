package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * Two SAML SPs in one SatuPintu session (SAML Profiles §4.4.4.2: the IdP propagates logout to every
 * other session participant): single sign-on to the second, and a logout started at one SP ends the
 * citizen's session at the other.
 */
@DisplayName("two SAML SPs in one session")
class SamlTwoServiceProvidersTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider first;
    private static PySaml2ServiceProvider second;

    @BeforeAll
    static void startServiceProviders() {
        first = serviceProvider(SpOptions.named("first-sp"));
        second = serviceProvider(SpOptions.named("second-sp").encryption(true).binding("post"));
    }

    @Test
    @DisplayName("signed in at the first SP: the second SP needs no sign-in")
    void ssoWhenSecondSpThenNoLoginPage() {
        SamlBrowser browser = newSamlBrowser(first, second);
        assertAccepted(ssoAt(browser, first, "", Citizen.SITI), first);
        FrontChannel.Result toSecond = ssoAt(browser, second, "", null);
        assertAccepted(toSecond, second);
        assertThat(toSecond.loginShown()).isFalse();
    }

    @Test
    @DisplayName("logout at the first SP: the second SP receives a LogoutRequest and its session ends; the first gets Success")
    void logoutWhenAtFirstSpThenSecondSpLoggedOutToo() {
        SamlBrowser browser = newSamlBrowser(first, second);
        assertAccepted(ssoAt(browser, first, "", Citizen.SITI), first);
        Map<String, Object> atSecond = assertAccepted(ssoAt(browser, second, "", null), second);
        int before = second.sloEvents().size();

        FrontChannel.Result logout = frontChannel.open(browser, first.logout(), null);

        List<Map<String, Object>> events = second.sloEvents();
        assertThat(events.subList(before, events.size())).as("LogoutRequests at the second SP during " + logout
                + " ending on " + logout.finalPage().headline() + "\nSP log:\n" + second.logTail()).anySatisfy(event -> {
                    assertThat(event.get("type")).isEqualTo("LogoutRequest");
                    assertThat(event.get("error")).isNull();
                    assertThat(event.get("name_id")).isEqualTo(atSecond.get("name_id"));
                    assertThat(event.get("name_id_matches")).as("NameID, format and qualifiers as in the assertion")
                            .isEqualTo(true);
                });
        assertThat(whoamiStatus(browser, second)).as("second SP session").isEqualTo(401);
        assertThat(logout.endedAt(first.baseUrl().resolve("/slo"))).as("back at the first SP: " + logout).isTrue();
        assertThat(logout.json().get("status")).isEqualTo(SUCCESS);
        assertThat(logout.json().get("sub_status")).as("second-level status (PartialLogout: not propagated)").isNull();
        assertThat(whoamiStatus(browser, first)).as("first SP session").isEqualTo(401);
    }
}
