package id.satupintu.idp.session.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.oidc.logout.OidcTestClient;
import id.satupintu.idp.saml.slo.SloHttpTestSupport;

/**
 * OpenID Connect Front-Channel Logout 1.0 §3 over real HTTP: the ended session's clients are framed on
 * the signed-out page with {@code iss} and {@code sid}, under a policy allowing exactly their origins,
 * and the browser is sent on to the validated {@code post_logout_redirect_uri}.
 */
class FrontChannelLogoutHttpTest extends SloHttpTestSupport {

    private static final Pattern IFRAME_SRC = Pattern.compile("<iframe[^>]*\\ssrc=\"([^\"]+)\"");
    private static final Pattern CONTINUE = Pattern.compile("<a id=\"logout-continue\"[^>]*\\shref=\"([^\"]+)\"");

    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private PasswordEncoder secrets;
    @Autowired
    private SatuPintuProperties properties;

    private OidcTestClient client(String frontchannelLogoutUri) {
        return new OidcTestClient(clients, secrets, agency(), null, frontchannelLogoutUri);
    }

    private static List<String> frames(String html) {
        Matcher matcher = IFRAME_SRC.matcher(html);
        List<String> sources = new ArrayList<>();
        while (matcher.find()) {
            sources.add(matcher.group(1).replace("&amp;", "&"));
        }
        return sources;
    }

    private static String continueLink(String html) {
        Matcher matcher = CONTINUE.matcher(html);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }

    private String encodedIssuer() {
        return URLEncoder.encode(properties.issuer(), StandardCharsets.UTF_8);
    }

    @Test
    void rpInitiatedLogoutWhenClientRegisteredFrontChannelUriThenFramedWithIssAndSidThenContinueToPostLogoutUri()
            throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client("https://rp.example.go.id/frontchannel-logout?app=pajak");
        String idToken = rp.idToken(citizen.browser());
        Object sid = OidcTestClient.claims(idToken).get("sid");

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI + "&state=st-1");
        assertThat(HttpBrowser.location(logout)).endsWith(LoggedOutPageController.PATH);
        HttpResponse<String> page = citizen.browser().follow(logout);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(frames(page.body())).as("the initiating client is framed too").containsExactly(
                "https://rp.example.go.id/frontchannel-logout?app=pajak&iss=" + encodedIssuer() + "&sid=" + sid);
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(
                LogoutPagePolicy.SITE_POLICY + "; frame-src https://rp.example.go.id");
        assertThat(continueLink(page.body())).isEqualTo(OidcTestClient.POST_LOGOUT_URI + "?state=st-1");
        assertThat(page.body()).as("the visible link, for browsers without script (Indonesian by default)")
                .contains(">Lanjutkan</a>");
        assertThat(page.body()).contains("/js/frontchannel-logout.js").doesNotContain("<script>");
        assertThat(signedIn(citizen.browser())).isFalse();
        assertThat(auditOf(LoggedOutPageController.RENDERED, rp.clientId())).singleElement()
                .satisfies(e -> assertThat(e.detail()).containsEntry("origin", "https://rp.example.go.id"));
    }

    @Test
    void loggedOutWhenShownAgainThenNoFramesAndSitePolicy() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client("https://rp.example.go.id/fc");
        String idToken = rp.idToken(citizen.browser());
        citizen.browser().follow(citizen.browser().get("/connect/logout?id_token_hint=" + idToken));

        HttpResponse<String> again = citizen.browser().get(LoggedOutPageController.PATH);

        assertThat(frames(again.body())).isEmpty();
        assertThat(again.headers().firstValue("Content-Security-Policy")).contains(LogoutPagePolicy.SITE_POLICY);
    }

    @Test
    void loggedOutWhenNothingWaitsThenSitesOwnPolicyUnchanged() throws Exception {
        HttpResponse<String> page = new HttpBrowser(port).get(LoggedOutPageController.PATH);
        HttpResponse<String> login = new HttpBrowser(port).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(frames(page.body())).isEmpty();
        assertThat(continueLink(page.body())).isNull();
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .as("the frames page's copy of the site policy has not drifted")
                .contains(LogoutPagePolicy.SITE_POLICY)
                .isEqualTo(login.headers().firstValue("Content-Security-Policy"));
    }

    @Test
    void signOutWhenTwoClientsOnTwoOriginsThenBothFramedAndPolicyNamesExactlyBothAndNoContinue() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient first = client("https://pajak.example.go.id/fc");
        OidcTestClient second = client("http://127.0.0.1:8089/fc");
        OidcTestClient withoutPage = client(null);
        Object sid = OidcTestClient.claims(first.idToken(citizen.browser())).get("sid");
        second.idToken(citizen.browser());
        withoutPage.idToken(citizen.browser());

        HttpResponse<String> signedOut = citizen.browser().post("/logout",
                Map.of("_csrf", HttpBrowser.csrf(citizen.browser().get("/").body())));
        HttpResponse<String> page = citizen.browser().follow(signedOut);

        assertThat(frames(page.body())).containsExactlyInAnyOrder(
                "https://pajak.example.go.id/fc?iss=" + encodedIssuer() + "&sid=" + sid,
                "http://127.0.0.1:8089/fc?iss=" + encodedIssuer() + "&sid=" + sid);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy.substring(policy.indexOf("frame-src ") + "frame-src ".length()).split(" "))
                .containsExactlyInAnyOrder("https://pajak.example.go.id", "http://127.0.0.1:8089");
        assertThat(continueLink(page.body())).as("the signed-out page is the end").isNull();
        assertThat(page.body()).contains("id=\"logged-out\"").doesNotContain("frontchannel-logout.js");
    }

    @Test
    void rpInitiatedLogoutWhenNoClientRegisteredFrontChannelThenStraightToPostLogoutUri() throws Exception {
        SignedIn citizen = signedInCitizen();
        OidcTestClient rp = client(null);
        String idToken = rp.idToken(citizen.browser());

        HttpResponse<String> logout = citizen.browser().get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + OidcTestClient.POST_LOGOUT_URI + "&state=st-2");

        assertThat(HttpBrowser.location(logout)).isEqualTo(OidcTestClient.POST_LOGOUT_URI + "?state=st-2");
    }
}
