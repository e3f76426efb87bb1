package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.saml.BrowserCodeFlow;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * IdP-initiated Single Logout (SAML Profiles §4.4.3): when the citizen signs out at SatuPintu,
 * or an OIDC client of the same session logs out (RP-Initiated Logout), every SAML SP of the
 * session receives a LogoutRequest through the browser and its session ends.
 */
@DisplayName("SAML single logout started at SatuPintu")
class SamlIdpInitiatedLogoutTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider sp;
    private static TestClient oidcClient;
    private static String postLogoutUri;

    @BeforeAll
    static void startServiceProviderAndClient() {
        sp = serviceProvider(SpOptions.named("idp-slo-sp"));
        postLogoutUri = harness.clients().callback("/logged-out");
        oidcClient = registerClient(ClientSpec.confidential().postLogoutRedirectUris(postLogoutUri));
    }

    @Test
    @DisplayName("sign-out at SatuPintu: the SP receives a LogoutRequest and its session ends")
    void signOutWhenAtSatuPintuThenSpReceivesLogoutRequestAndSessionEnds() {
        SamlBrowser browser = newSamlBrowser(sp);
        Map<String, Object> session = assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);
        int before = sp.sloEvents().size();

        FrontChannel.Result signOut = signOutAtSatuPintu(browser, null);

        assertLogoutRequestReceived(before, session, signOut);
        assertThat(whoamiStatus(browser, sp)).as("SP session after SatuPintu sign-out").isEqualTo(401);
        assertThat(ssoAt(browser, sp, "", null).loginShown()).as("sign-in page on the next SSO").isTrue();
    }

    @Test
    @DisplayName("OIDC RP-initiated logout in the same session: the SAML SP receives a LogoutRequest and its session ends")
    void endSessionWhenOidcClientLogsOutThenSamlSpSessionEnds() {
        SamlBrowser browser = newSamlBrowser(sp);
        Map<String, Object> session = assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);
        BrowserCodeFlow.Outcome oidc = new BrowserCodeFlow(harness).run(browser, oidcClient, Citizen.SITI);
        assertThat(oidc.front().loginShown()).as("OIDC sign-in page within the SAML session").isFalse();
        int before = sp.sloEvents().size();

        URI endSession = URI.create(harness.discovery().endSessionEndpoint() + "?" + FormData.of(
                "id_token_hint", oidc.flow().tokens().idToken(), "post_logout_redirect_uri", postLogoutUri,
                "state", "s1").encode());
        FrontChannel.Result logout = frontChannel.open(browser, endSession, null);
        logout = confirmIfAsked(browser, logout);

        assertLogoutRequestReceived(before, session, logout);
        assertThat(whoamiStatus(browser, sp)).as("SP session after OIDC logout").isEqualTo(401);
        assertThat(logout.finalPage().location()).as("back to the client's post_logout_redirect_uri after the SAML SPs")
                .hasValueSatisfying(location -> assertThat(location.toString()).startsWith(postLogoutUri + "?")
                        .contains("state=s1"));
    }

    private static void assertLogoutRequestReceived(int before, Map<String, Object> session, FrontChannel.Result trip) {
        List<Map<String, Object>> events = sp.sloEvents();
        assertThat(events.subList(before, events.size())).as("LogoutRequests the SP received during " + trip
                + " ending on " + trip.finalPage().headline() + "\nSP log:\n" + sp.logTail()).anySatisfy(event -> {
                    assertThat(event.get("type")).isEqualTo("LogoutRequest");
                    assertThat(event.get("error")).as("pysaml2's verdict").isNull();
                    assertThat(event.get("name_id")).isEqualTo(session.get("name_id"));
                    assertThat(event.get("name_id_matches")).as("NameID, format and qualifiers as in the assertion")
                            .isEqualTo(true);
                    assertThat(((Number) event.get("sessions_ended")).intValue()).as("SP sessions ended").isPositive();
                    if ("redirect".equals(event.get("binding"))) {
                        assertThat(event.get("redirect_signature")).as("Redirect-binding signature").isEqualTo("valid");
                    } else {
                        assertThat(event.get("post_signature")).as("enveloped signature on the POSTed request")
                                .isEqualTo(true);
                    }
                });
    }

    /** RP-Initiated Logout §2 lets the OP ask the citizen to confirm: confirm through its form when it does. */
    private static FrontChannel.Result confirmIfAsked(SamlBrowser browser, FrontChannel.Result result) {
        Page page = result.finalPage();
        if (page.leftServer() || !page.uri().getHost().equals(issuer().getHost()) || !result.autoPosts().isEmpty()) {
            return result;
        }
        return HtmlForm.all(page).stream().filter(f -> "post".equals(f.method())).findFirst()
                .map(form -> frontChannel.submit(browser, page, form, null))
                .orElse(result);
    }
}
