package id.satupintu.idp.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import id.satupintu.idp.saml.slo.SloHttpTestSupport;
import id.satupintu.idp.session.logout.HttpBrowser;
import id.satupintu.idp.session.logout.SignOutHandlers;

/**
 * RP-Initiated Logout 1.0 §2 without {@code id_token_hint}: the citizen confirms, then the session ends
 * and the browser goes to the client's registered {@code post_logout_redirect_uri} with {@code state};
 * a URI that cannot be validated is refused with 400 and ends nothing.
 */
class RpInitiatedLogoutWithoutHintHttpTest extends SloHttpTestSupport {

    private static final Pattern PENDING = Pattern.compile("name=\"pending_logout\"\\s+value=\"([^\"]+)\"");

    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private PasswordEncoder secrets;

    private OidcTestClient client() {
        return new OidcTestClient(clients, secrets, agency(), null);
    }

    /** Follows the redirect to the confirmation page and confirms through its form. */
    private static HttpResponse<String> confirm(HttpBrowser browser, HttpResponse<String> logout) throws Exception {
        assertThat(HttpBrowser.location(logout)).endsWith(SignOutHandlers.CONFIRM_PAGE);
        HttpResponse<String> page = browser.follow(logout);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"logout-confirm\"");
        Matcher pending = PENDING.matcher(page.body());
        assertThat(pending.find()).as("pending logout in the form").isTrue();
        return browser.post("/logout", Map.of("_csrf", HttpBrowser.csrf(page.body()), "pending_logout", pending.group(1)));
    }

    @Test
    void logoutWhenClientIdAndRegisteredUriThenConfirmedThenPostLogoutUriWithStateAndSessionEnded() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client();
        rp.idToken(citizen.browser());

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?client_id=" + rp.clientId()
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI + "&state=no-hint");
        assertThat(signedIn(citizen.browser())).as("nothing ends before the citizen confirms").isTrue();
        HttpResponse<String> confirmed = confirm(citizen.browser(), logout);

        assertThat(HttpBrowser.location(confirmed)).isEqualTo(OidcTestClient.POST_LOGOUT_URI + "?state=no-hint");
        assertThat(signedIn(citizen.browser())).isFalse();
        assertThat(auditOf("sso.logout", citizen.citizen().id())).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo(rp.clientId());
            assertThat(event.detail()).containsEntry("initiator", "oidc_client");
        });
    }

    @Test
    void logoutWhenNoParametersThenConfirmedThenSignedOutPage() throws Exception {
        SignedIn citizen = signedInCitizen();

        HttpResponse<String> confirmed = confirm(citizen.browser(), citizen.browser().get("/connect/logout"));

        assertThat(HttpBrowser.location(confirmed)).endsWith(SignOutHandlers.LOGGED_OUT_PAGE);
        assertThat(signedIn(citizen.browser())).isFalse();
    }

    @Test
    void logoutWhenUriWithoutClientIdThenRefusedAuditedAndSessionKept() throws Exception {
        SignedIn citizen = signedInCitizen();

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?post_logout_redirect_uri="
                + OidcTestClient.POST_LOGOUT_URI + "&state=s");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        assertThat(signedIn(citizen.browser())).isTrue();
        assertThat(audit.recent(RpInitiatedLogoutFailureHandler.AUDIT_EVENT, 1)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("parameter", "post_logout_redirect_uri"));
    }

    @Test
    void logoutWhenUriNotRegisteredForClientThenRefusedAndSessionKept() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client();

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?client_id=" + rp.clientId()
                + "&post_logout_redirect_uri=https://evil.example/&state=s");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(signedIn(citizen.browser())).isTrue();
    }

    @Test
    void logoutWhenClientIdUnknownThenRefused() throws Exception {
        SignedIn citizen = signedInCitizen();

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?client_id=no-such-client");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(audit.recent(RpInitiatedLogoutFailureHandler.AUDIT_EVENT, 1)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("parameter", "client_id"));
    }

    @Test
    void logoutWhenClientIdRepeatedThenRefused() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client();

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?client_id=" + rp.clientId()
                + "&client_id=" + rp.clientId());

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(signedIn(citizen.browser())).isTrue();
    }

    @Test
    void logoutWhenNobodySignedInThenStraightToValidatedUriWithState() throws Exception {
        OidcTestClient rp = client();

        HttpResponse<String> logout = new HttpBrowser(port).get("/connect/logout?client_id=" + rp.clientId()
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI + "&state=nobody");

        assertThat(HttpBrowser.location(logout)).isEqualTo(OidcTestClient.POST_LOGOUT_URI + "?state=nobody");
    }

    @Test
    void signOutWhenConfirmationAbandonedThenOwnSignOutEndsOnSignedOutPageNotTheClients() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client();
        citizen.browser().follow(citizen.browser().get("/connect/logout?client_id=" + rp.clientId()
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI));

        HttpResponse<String> signedOut = citizen.browser().post("/logout",
                Map.of("_csrf", HttpBrowser.csrf(citizen.browser().get("/").body())));

        assertThat(HttpBrowser.location(signedOut)).endsWith(SignOutHandlers.LOGGED_OUT_PAGE);
    }

    @Test
    void confirmPageWhenNothingPendingThenHome() throws Exception {
        SignedIn citizen = signedInCitizen();

        HttpResponse<String> page = citizen.browser().get(SignOutHandlers.CONFIRM_PAGE);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(HttpBrowser.location(page)).endsWith("/");
    }
}
