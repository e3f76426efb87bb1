package id.satupintu.conformance.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.util.Optional;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.Authorization;
import id.satupintu.conformance.harness.AuthorizationRequest;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The citizen login page as a browser meets it: redirect to it, CSRF-protected form, failures stay on it. */
@DisplayName("citizen login")
class LoginTest extends ConformanceTest {

    @Test
    @DisplayName("unauthenticated authorize: redirected to a login form with nik, password and a hidden _csrf")
    void authorizeWhenNotSignedInThenLoginFormWithCsrf() {
        TestClient client = registerClient();
        Page page = newBrowser().open(request(client).toUri());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        HtmlForm form = HtmlForm.all(page).stream().filter(f -> f.has("nik")).findFirst().orElseThrow();
        assertThat(form.method()).isEqualTo("post");
        assertThat(form.value("_csrf")).hasValueSatisfying(token -> assertThat(token).isNotBlank());
    }

    @Test
    @DisplayName("the login page cannot be framed (CSP frame-ancestors 'none') and is not cached")
    void loginPageWhenServedThenNotFramableNorCached() {
        Page page = newBrowser().open(request(registerClient()).toUri());
        assertThat(page.response().headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(page.response().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    @DisplayName("wrong password: the login page again, no redirect, no session")
    void loginWhenPasswordWrongThenLoginPageAgainWithoutSession() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        Authorization failed = harness.authorizer().authorize(browser, request(client),
                Citizen.SITI.withPassword("not-the-password"));
        assertThat(failed.response()).as("redirect after a failed login").isEmpty();
        assertThat(LoginPage.isShown(failed.finalPage())).isTrue();
        assertThat(failed.finalPage().headline()).as("message to the citizen").startsWith("alert:");

        AuthorizationRequest silent = request(client).set("prompt", "none");
        assertErrorRedirect(harness.authorizer().authorize(browser, silent, null), silent, "login_required");
    }

    @Test
    @DisplayName("login form posted without the _csrf token: refused (403), no session")
    void loginWhenCsrfMissingThenForbidden() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        Page page = browser.open(request(client).toUri());
        HtmlForm form = LoginPage.on(browser, page).orElseThrow().form();
        Page result = browser.submit(form, form.defaults().remove("_csrf")
                .set("nik", Citizen.SITI.nik()).set("password", Citizen.SITI.password()));
        assertThat(result.leftServer()).isFalse();
        assertThat(result.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("signing in issues a new HttpOnly session cookie (no session fixation)")
    void loginWhenSucceededThenNewHttpOnlySessionCookie() {
        TestClient client = registerClient();
        Browser browser = newBrowser();
        Page page = browser.open(request(client).toUri());
        String before = sessionCookie(browser).map(HttpCookie::getValue).orElse("");
        LoginPage.on(browser, page).orElseThrow().signIn(Citizen.SITI);
        HttpCookie after = sessionCookie(browser).orElseThrow(() -> new AssertionError("no session cookie"));
        assertThat(after.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(after.getValue()).as("session id changed at login").isNotEqualTo(before);
    }

    private static Optional<HttpCookie> sessionCookie(Browser browser) {
        return browser.cookies().stream().filter(c -> c.getName().equals("SATUPINTU_SESSION")).findFirst();
    }
}
