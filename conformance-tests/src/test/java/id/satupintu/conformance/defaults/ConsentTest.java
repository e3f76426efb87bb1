package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Authorizer.ConsentAnswer;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Consent: asked when required or on prompt=consent; refusing sends access_denied (RFC 6749 §4.1.2.1). */
@DisplayName("consent")
class ConsentTest extends ConformanceTest {

    @Test
    @DisplayName("demo-portal (consent required): consent page shown on first use, the flow succeeds after approval")
    void authorizeWhenDemoPortalFirstUseThenConsentShown() {
        CompletedFlow flow = harness.codeFlow().run(newBrowser(), TestClient.DEMO_PORTAL,
                request(TestClient.DEMO_PORTAL).scope("openid profile"), Citizen.BUDI);
        assertThat(flow.authorization().consentShown()).isTrue();
    }

    @Test
    @DisplayName("prompt=consent: consent page shown even when consent was given before")
    void authorizeWhenPromptConsentThenConsentShown() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client).scope("openid profile"));
        CompletedFlow again = signIn(browser, client, request(client).scope("openid profile").set("prompt", "consent"));
        assertThat(again.authorization().consentShown()).isTrue();
    }

    @Test
    @DisplayName("consent refused: access_denied redirect with state and iss, no code")
    void authorizeWhenConsentDeniedThenAccessDenied() {
        TestClient client = registerClient();
        AuthorizationRequest request = request(client).scope("openid profile").set("prompt", "consent");
        Authorization authorization = harness.authorizer().authorize(newBrowser(), request, Citizen.SITI,
                ConsentAnswer.DENY);
        assertThat(authorization.consentShown()).isTrue();
        assertErrorRedirect(authorization, request, "access_denied");
    }

    @Test
    @DisplayName("prompt=none for a client whose consent is missing: consent_required (or interaction_required)")
    void authorizeWhenPromptNoneWithoutConsentThenConsentRequired() {
        Browser browser = newBrowser();
        TestClient client = registerClient();
        signIn(browser, client, request(client)); // a session; no other test asks demo-portal for phone
        AuthorizationRequest request = request(TestClient.DEMO_PORTAL).scope("openid phone").set("prompt", "none");
        Authorization authorization = harness.authorizer().authorize(browser, request, null);
        assertErrorRedirect(authorization, request, "consent_required", "interaction_required");
    }
}
