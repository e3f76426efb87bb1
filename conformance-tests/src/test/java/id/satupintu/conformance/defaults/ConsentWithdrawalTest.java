package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.TokenResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A citizen withdraws consent on the "connected applications" page: the consent is gone (the next
 * authorization asks again, OIDC Core §3.1.2.4) and the client's tokens for that citizen stop working
 * (introspection inactive, RFC 7662 §2.2; refresh refused, RFC 6749 §5.2).
 */
@DisplayName("consent withdrawal")
class ConsentWithdrawalTest extends ConformanceTest {

    private static URI applicationsPage() {
        return harness.server().issuer().resolve("/account/applications");
    }

    private static HtmlForm withdrawFormFor(Page page, TestClient client) {
        return HtmlForm.all(page).stream()
                .filter(form -> form.value("client_id").filter(client.clientId()::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no withdraw form for " + client + " on " + page));
    }

    @Test
    @DisplayName("the page lists the application with its permissions; withdrawing revokes its tokens and consent")
    void withdrawWhenConsentGivenThenTokensRevokedAndConsentAskedAgain() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client).scope("openid profile offline_access")
                .set("prompt", "consent"));
        assertThat(flow.refreshToken()).as("refresh token").isNotBlank();

        Page applications = browser.open(applicationsPage());
        assertThat(applications.status()).isEqualTo(200);
        assertThat(applications.body()).contains((String) client.registration().get("client_name"));
        HtmlForm withdraw = withdrawFormFor(applications, client);
        assertThat(withdraw.has("_csrf")).as("CSRF token in the withdraw form").isTrue();

        Page after = browser.submit(withdraw, withdraw.defaults());

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("value=\"" + client.clientId() + "\"");
        assertThat(harness.tokens().isActive(client, flow.accessToken())).as("access token active").isFalse();
        TokenResponse refresh = harness.tokens().refresh(client, flow.refreshToken());
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(refresh.error()).isEqualTo("invalid_grant");
        Authorization again = harness.authorizer().authorize(browser,
                request(client).scope("openid profile offline_access"), null);
        assertThat(again.consentShown()).as("consent asked again").isTrue();
    }

    @Test
    @DisplayName("withdrawal without the page's CSRF token: refused, nothing withdrawn")
    void withdrawWhenNoCsrfTokenThenRefused() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        CompletedFlow flow = signIn(browser, client, request(client).scope("openid profile").set("prompt", "consent"));

        Page refused = browser.post(applicationsPage().resolve("/account/applications/withdraw"),
                FormData.of("client_id", client.clientId()));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(harness.tokens().isActive(client, flow.accessToken())).isTrue();
    }

    @Test
    @DisplayName("not signed in: the page asks to sign in first")
    void applicationsWhenNotSignedInThenSignInPage() {
        Page page = newBrowser().open(applicationsPage());
        assertThat(LoginPage.isShown(page)).isTrue();
    }

    @Test
    @DisplayName("the start page links to the connected applications once signed in, in Indonesian and English")
    void homeWhenSignedInThenLinkToApplications() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        signIn(browser, client, request(client));
        Page home = browser.open(harness.server().issuer().resolve("/"));
        assertThat(home.body()).contains("/account/applications").contains("Aplikasi yang terhubung");
        Page english = browser.open(harness.server().issuer().resolve("/account/applications?lang=en"));
        assertThat(english.body()).contains("Connected applications");
    }
}
