package id.satupintu.conformance.oidcc;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * oidcc-ui-locales: ui_locales is accepted (OIDC Core §3.1.2.1); SatuPintu honours it by
 * rendering the login page in English when asked, Bahasa Indonesia by default.
 */
@DisplayName("oidcc-ui-locales")
class OidccUiLocalesTest extends ConformanceTest {

    @Test
    @DisplayName("ui_locales=en: the flow succeeds")
    void codeFlowWhenUiLocalesGivenThenSucceeds() {
        TestClient client = registerClient();
        CompletedFlow flow = signIn(newBrowser(), client, request(client).set("ui_locales", "en fr-CA"));
        assertThat(flow.sub()).isNotBlank();
    }

    @Test
    @DisplayName("ui_locales=en: the login page is in English; without it, in Bahasa Indonesia")
    void loginPageWhenUiLocalesEnThenEnglishElseIndonesian() {
        TestClient client = registerClient();
        AuthorizationRequest english = request(client).set("ui_locales", "en");
        Page englishPage = newBrowser().open(english.toUri());
        Page defaultPage = newBrowser().open(request(client).toUri());
        assertThat(englishPage.body()).containsPattern("<html[^>]*\\slang=\"en");
        assertThat(defaultPage.body()).containsPattern("<html[^>]*\\slang=\"id");
    }
}
