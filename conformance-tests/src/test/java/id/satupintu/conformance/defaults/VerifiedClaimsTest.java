package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect for Identity Assurance 1.0: the registry verification as {@code verified_claims},
 * released only when requested through the {@code claims} parameter and consented to, and
 * advertised in discovery.
 */
@DisplayName("verified_claims (OIDC4IDA)")
class VerifiedClaimsTest extends ConformanceTest {

    private static final String IN_USERINFO = "{\"userinfo\":{\"verified_claims\":{"
            + "\"verification\":{\"trust_framework\":null,\"time\":null,\"evidence\":null},"
            + "\"claims\":{\"given_name\":null,\"family_name\":null,\"birthdate\":null,\"address\":null}}}}";
    private static final String IN_ID_TOKEN = "{\"id_token\":{\"verified_claims\":{"
            + "\"verification\":{\"trust_framework\":{\"value\":\"id_dukcapil\"}},"
            + "\"claims\":{\"given_name\":null,\"birthdate\":null}}}}";
    private static final String OTHER_FRAMEWORK = "{\"userinfo\":{\"verified_claims\":{"
            + "\"verification\":{\"trust_framework\":{\"value\":\"de_aml\"}},\"claims\":{\"given_name\":null}}}}";

    @Test
    @DisplayName("discovery: verified_claims_supported, id_dukcapil, electronic_record from the population register")
    void discoveryWhenFetchedThenIdentityAssuranceMetadata() {
        Map<String, Object> metadata = harness.discovery().metadata();
        assertThat(metadata).containsEntry("verified_claims_supported", true);
        assertThat(harness.discovery().list("trust_frameworks_supported")).containsExactly("id_dukcapil");
        assertThat(harness.discovery().list("evidence_supported")).containsExactly("electronic_record");
        assertThat(harness.discovery().list("electronic_records_supported")).contains("population_register");
        assertThat(harness.discovery().list("claims_in_verified_claims_supported"))
                .contains("given_name", "family_name", "birthdate", "address", "nik");
        assertThat(harness.discovery().list("claims_supported")).contains("verified_claims", "nik");
    }

    @Test
    @DisplayName("requested for userinfo: verification with trust framework, time and electronic_record evidence, and the claims")
    @SuppressWarnings("unchecked")
    void userInfoWhenVerifiedClaimsRequestedThenReleased() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile address").set("claims", IN_USERINFO));

        Map<String, Object> verified = (Map<String, Object>) userInfo(flow.accessToken()).get("verified_claims");

        assertThat(verified).as("verified_claims in UserInfo").isNotNull();
        Map<String, Object> verification = (Map<String, Object>) verified.get("verification");
        assertThat(verification).containsEntry("trust_framework", "id_dukcapil");
        assertThat((String) verification.get("time")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        Map<String, Object> evidence = ((List<Map<String, Object>>) verification.get("evidence")).get(0);
        assertThat(evidence).containsEntry("type", "electronic_record");
        Map<String, Object> record = (Map<String, Object>) evidence.get("record");
        assertThat(record).containsEntry("type", "population_register");
        assertThat((Map<String, Object>) record.get("source")).containsEntry("country_code", "IDN")
                .containsEntry("name", "Direktorat Jenderal Kependudukan dan Pencatatan Sipil");
        assertThat((Map<String, Object>) verified.get("claims"))
                .containsEntry("given_name", "Siti").containsEntry("family_name", "Rahayu")
                .containsEntry("birthdate", "1990-02-25").containsKey("address")
                .doesNotContainKey("nik");
        assertThat(flow.idToken().getClaims()).as("not asked for in the ID token").doesNotContainKey("verified_claims");
    }

    @Test
    @DisplayName("requested for the id_token: there, and not at userinfo")
    @SuppressWarnings("unchecked")
    void idTokenWhenVerifiedClaimsRequestedThenReleased() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile").set("claims", IN_ID_TOKEN));

        Map<String, Object> verified = (Map<String, Object>) flow.idToken().getClaim("verified_claims");

        assertThat(verified).as("verified_claims in the ID token").isNotNull();
        assertThat((Map<String, Object>) verified.get("verification")).containsEntry("trust_framework", "id_dukcapil");
        assertThat((Map<String, Object>) verified.get("claims")).containsOnlyKeys("given_name", "birthdate");
        assertThat(userInfo(flow.accessToken())).doesNotContainKey("verified_claims");
    }

    @Test
    @DisplayName("consent page: says the data goes out as verified by Dukcapil when verified_claims are requested")
    void consentPageWhenVerifiedClaimsRequestedThenSaysSo() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).scope("openid profile").set("prompt", "consent")
                .set("claims", IN_USERINFO);
        Browser browser = newBrowser();
        Page consent = LoginPage.on(browser, browser.open(request.toUri())).orElseThrow().signIn(Citizen.SITI);
        assertThat(consent.body()).contains("id=\"verified-claims\"").contains("terverifikasi dari Dukcapil");

        AuthorizationRequest plain = request(client).scope("openid profile").set("prompt", "consent");
        Page plainConsent = browser.open(plain.toUri());
        assertThat(plainConsent.body()).contains("consent-form").doesNotContain("id=\"verified-claims\"");
    }

    @Test
    @DisplayName("not requested: absent from UserInfo and the ID token")
    void flowWhenNotRequestedThenAbsent() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid profile address"));
        assertThat(userInfo(flow.accessToken())).doesNotContainKey("verified_claims");
        assertThat(flow.idToken().getClaims()).doesNotContainKey("verified_claims");
    }

    @Test
    @DisplayName("requested without consent to profile: absent")
    void userInfoWhenProfileNotConsentedThenAbsent() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).scope("openid email").set("claims", IN_USERINFO));
        assertThat(userInfo(flow.accessToken())).doesNotContainKey("verified_claims");
    }

    @Test
    @DisplayName("another trust framework required: absent, the flow still succeeds")
    void userInfoWhenOtherTrustFrameworkRequiredThenAbsent() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client,
                request(client).scope("openid profile").set("claims", OTHER_FRAMEWORK));
        assertThat(userInfo(flow.accessToken())).containsKey("name").doesNotContainKey("verified_claims");
    }
}
