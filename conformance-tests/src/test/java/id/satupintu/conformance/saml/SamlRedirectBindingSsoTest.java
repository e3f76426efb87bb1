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
 * SP-initiated Web Browser SSO (SAML Profiles §4.1) with the AuthnRequest over HTTP-Redirect
 * (SAML Bindings §3.4, detached query signature) and the Response over HTTP-POST, accepted by
 * pysaml2: signatures verified by xmlsec1, audience, InResponseTo and conditions checked.
 */
@DisplayName("SAML SSO, AuthnRequest over HTTP-Redirect")
class SamlRedirectBindingSsoTest extends SamlConformanceTest {

    private static PySaml2ServiceProvider signing;
    private static PySaml2ServiceProvider unsigned;

    @BeforeAll
    static void startServiceProviders() {
        signing = serviceProvider(SpOptions.named("redirect-signed").scopes("profile"));
        unsigned = serviceProvider(SpOptions.named("redirect-unsigned").signsRequests(false).scopes("email"));
    }

    @Test
    @DisplayName("signed AuthnRequest: pysaml2 accepts a signed response with a persistent NameID, SessionIndex and LoA 2")
    void ssoWhenSignedRedirectRequestThenAcceptedWithPersistentNameIdAndLoa2() {
        SamlBrowser browser = newSamlBrowser(signing);
        FrontChannel.Result result = ssoAt(browser, signing, "binding=redirect", Citizen.SITI);

        Map<String, Object> session = assertAccepted(result, signing);
        assertThat(result.loginShown()).as("sign-in page shown").isTrue();
        assertThat(session.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat((String) session.get("name_id")).isNotBlank().doesNotContain(Citizen.SITI.nik());
        assertThat(session.get("authn_context_class_ref")).isEqualTo(LOA2);
        assertThat(session.get("session_index")).as("SessionIndex").isNotNull();
        assertThat(session.get("issuer")).isEqualTo(idp.entityId());
        assertThat(session.get("response_signed")).as("Response signed (signed_parts BOTH)").isEqualTo(true);
        assertThat(session.get("assertion_signed")).as("Assertion signed (signed_parts BOTH)").isEqualTo(true);
        assertThat(whoamiStatus(browser, signing)).isEqualTo(200);
    }

    @Test
    @DisplayName("an SP that does not sign: its unsigned AuthnRequest is accepted")
    void ssoWhenUnsignedRedirectRequestFromSpThatDoesNotSignThenAccepted() {
        FrontChannel.Result result = ssoAt(newSamlBrowser(unsigned), unsigned, "binding=redirect", Citizen.SITI);
        Map<String, Object> session = assertAccepted(result, unsigned);
        assertThat(session.get("name_id_format")).isEqualTo(PERSISTENT);
        assertThat(session.get("authn_context_class_ref")).isEqualTo(LOA2);
    }

    @Test
    @DisplayName("two sign-ins of one citizen in two browsers: the same persistent NameID; another citizen gets another")
    void ssoWhenSignedInTwiceThenSamePersistentNameId() {
        String first = (String) assertAccepted(ssoAt(newSamlBrowser(signing), signing, "", Citizen.SITI), signing)
                .get("name_id");
        String second = (String) assertAccepted(ssoAt(newSamlBrowser(signing), signing, "", Citizen.SITI), signing)
                .get("name_id");
        String budi = (String) assertAccepted(ssoAt(newSamlBrowser(signing), signing, "", Citizen.BUDI), signing)
                .get("name_id");
        assertThat(second).isEqualTo(first);
        assertThat(budi).isNotEqualTo(first);
    }

    @Test
    @DisplayName("attributes follow the registered scopes: profile gives the name, email only does not")
    void ssoWhenScopesDifferThenAttributesPerRegisteredScopes() {
        Map<String, Object> withProfile = assertAccepted(ssoAt(newSamlBrowser(signing), signing, "", Citizen.SITI), signing);
        Map<String, Object> emailOnly = assertAccepted(ssoAt(newSamlBrowser(unsigned), unsigned, "", Citizen.SITI), unsigned);

        assertThat(attributeValues(withProfile)).as("attributes for scope profile " + withProfile.get("attributes"))
                .anySatisfy(value -> assertThat(value).isEqualToIgnoringCase(Citizen.SITI.name()))
                .noneSatisfy(value -> assertThat(value).contains("@example"));
        assertThat(attributeValues(emailOnly)).as("attributes for scope email only " + emailOnly.get("attributes"))
                .noneSatisfy(value -> assertThat(value).isEqualToIgnoringCase(Citizen.SITI.name()))
                .anySatisfy(value -> assertThat(value).contains("@"));
    }

    @Test
    @DisplayName("RelayState is returned verbatim beside the Response")
    void ssoWhenRelayStateThenReturnedVerbatim() {
        String relayState = "kembali/ke?halaman=1&x=%20";
        FrontChannel.Result result = ssoAt(newSamlBrowser(signing), signing,
                "relay_state=" + java.net.URLEncoder.encode(relayState, java.nio.charset.StandardCharsets.UTF_8),
                Citizen.SITI);
        assertThat(assertAccepted(result, signing).get("relay_state")).isEqualTo(relayState);
    }

    @Test
    @DisplayName("signed in already: a second SSO from the same browser needs no sign-in page")
    void ssoWhenAlreadySignedInThenNoLoginPage() {
        SamlBrowser browser = newSamlBrowser(signing);
        assertAccepted(ssoAt(browser, signing, "", Citizen.SITI), signing);
        FrontChannel.Result again = ssoAt(browser, signing, "", null);
        assertAccepted(again, signing);
        assertThat(again.loginShown()).as("sign-in page on the second SSO").isFalse();
    }
}
