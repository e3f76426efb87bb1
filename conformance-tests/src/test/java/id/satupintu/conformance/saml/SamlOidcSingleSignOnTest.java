package id.satupintu.conformance.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.saml.BrowserCodeFlow;
import id.satupintu.conformance.harness.saml.FrontChannel;
import id.satupintu.conformance.harness.saml.PySaml2ServiceProvider;
import id.satupintu.conformance.harness.saml.SamlBrowser;
import id.satupintu.conformance.harness.saml.SpOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One sign-on session for OpenID Connect and SAML: a citizen signed in through an OIDC client is
 * not asked to sign in for a SAML SP, and the reverse; an agency's OIDC clients and SAML SPs see the
 * same pairwise identifier (OIDC {@code sub} = SAML persistent NameID).
 */
@DisplayName("one session for OIDC and SAML")
class SamlOidcSingleSignOnTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider sp;
    private static TestClient sameAgencyClient;
    private static TestClient otherAgencyClient;
    private static BrowserCodeFlow codeFlow;

    @BeforeAll
    static void startServiceProviderAndClients() {
        sp = serviceProvider(SpOptions.named("sso-sp").agency(ClientSpec.AGENCY_KEPENDUDUKAN));
        sameAgencyClient = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_KEPENDUDUKAN));
        otherAgencyClient = registerClient(ClientSpec.confidential().agency(ClientSpec.AGENCY_PAJAK));
        codeFlow = new BrowserCodeFlow(harness);
    }

    @Test
    @DisplayName("OIDC first, then SAML: no sign-in page for the SAML SP, NameID = sub of the same agency's client")
    void samlWhenSignedInThroughOidcThenNoLoginAndNameIdEqualsSub() {
        SamlBrowser browser = newSamlBrowser(sp);
        BrowserCodeFlow.Outcome oidc = codeFlow.run(browser, sameAgencyClient, Citizen.SITI);
        assertThat(oidc.front().loginShown()).as("OIDC sign-in page").isTrue();

        FrontChannel.Result saml = ssoAt(browser, sp, "", null);

        Map<String, Object> session = assertAccepted(saml, sp);
        assertThat(saml.loginShown()).as("sign-in page for SAML after OIDC").isFalse();
        assertThat(session.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat(session.get("name_id")).as("persistent NameID vs OIDC sub of the same agency").isEqualTo(oidc.sub());
        assertThat(session.get("authn_context_class_ref")).isEqualTo(LOA2);
    }

    @Test
    @DisplayName("SAML first, then OIDC: no sign-in page for the OIDC client, sub = NameID")
    void oidcWhenSignedInThroughSamlThenNoLoginAndSubEqualsNameId() {
        SamlBrowser browser = newSamlBrowser(sp);
        FrontChannel.Result saml = ssoAt(browser, sp, "", Citizen.SITI);
        Map<String, Object> session = assertAccepted(saml, sp);
        assertThat(saml.loginShown()).isTrue();

        BrowserCodeFlow.Outcome oidc = codeFlow.run(browser, sameAgencyClient, Citizen.SITI);

        assertThat(oidc.front().loginShown()).as("sign-in page for OIDC after SAML").isFalse();
        assertThat(oidc.sub()).isEqualTo(session.get("name_id"));
        assertThat(oidc.flow().idToken().getClaim("acr")).as("acr = AuthnContextClassRef")
                .isEqualTo(session.get("authn_context_class_ref"));
    }

    @Test
    @DisplayName("another agency's OIDC client sees another identifier than the SAML SP's NameID")
    void nameIdWhenOtherAgencyClientThenDifferentFromItsSub() {
        SamlBrowser browser = newSamlBrowser(sp);
        Map<String, Object> session = assertAccepted(ssoAt(browser, sp, "", Citizen.SITI), sp);
        BrowserCodeFlow.Outcome other = codeFlow.run(browser, otherAgencyClient, Citizen.SITI);
        assertThat(other.sub()).isNotEqualTo(session.get("name_id"));
    }
}
