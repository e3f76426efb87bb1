package id.satupintu.conformance.sdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.harness.ServletContainer;
import id.satupintu.conformance.sdk.harness.AppDeployment;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every servlet adapter must do in its real container against the real provider: a sample WAR that
 * adopted sign-on without SSO code signs a demo citizen in (OpenID Connect Core 1.0 §3.1), exposes the citizen
 * through the servlet API, refreshes (§12), signs out through the provider (RP-Initiated Logout 1.0 §2) and
 * when the provider says so (Back-Channel Logout 1.0 §2.5), and answers every bad request with a clear
 * 4xx or 503, never a 500. One container per class; each subclass names the container and the WAR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServletSsoContract {

    /** The role claim the samples are configured with: the provider issues no application roles, but acr. */
    private static final String ROLE_CLAIM = "acr";
    private static final Duration BACK_CHANNEL_DEADLINE = Duration.ofSeconds(20);

    private final Supplier<ServletContainer> containers;
    private final String warName;

    private Harness harness;
    private ServletContainer container;
    private AppDeployment app;
    private AppDeployment refreshing;
    private TestClient appClient;
    private String pairwiseSubject;
    private SsoBrowser signedIn;
    private Page signedInPage;

    /**
     * @param containers starts the container under test
     * @param warName    the sample under {@code sdk-java/samples}, deployed at {@code /<warName>}
     */
    ServletSsoContract(Supplier<ServletContainer> containers, String warName) {
        this.containers = containers;
        this.warName = warName;
    }

    @BeforeAll
    void startContainerAndSignIn() {
        harness = Harness.get();
        container = containers.get();
        URI appBase = URI.create(container.origin() + "/" + warName);
        appClient = SdkApps.register(harness, appBase);
        Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, appClient));
        settings.put("satupintu.role-claim", ROLE_CLAIM);
        app = container.deploy("/" + warName, SdkApps.war(warName), SdkApps.configParameter(SdkApps.configFile(settings)));
        assertThat(app.available()).as("the sample WAR started").isTrue();

        // the provider issues subjects pairwise per agency: another client of the same agency sees the same one
        TestClient sameAgency = harness.clients().register(ClientSpec.confidential());
        pairwiseSubject = harness.codeFlow().run(harness.newBrowser(), sameAgency, harness.request(sameAgency),
                Citizen.SITI).sub();

        signedIn = new SsoBrowser(harness);
        signedInPage = signedIn.signIn(signedIn.open(app.uri("/profile")), Citizen.SITI);
    }

    @AfterAll
    void stopContainer() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    @DisplayName("protected page, citizen signs in at the provider: back at the page with getRemoteUser() the pairwise sub")
    void protectedPageWhenCitizenSignsInThenRemoteUserIsPairwiseSubject() {
        assertThat(signedInPage.status()).as("page after sign-in: %s", signedInPage).isEqualTo(200);
        assertThat(signedInPage.uri().getPath()).isEqualTo("/" + warName + "/profile");
        assertThat(text(signedInPage, "remote-user")).isEqualTo(pairwiseSubject);
        assertThat(text(signedInPage, "auth-type")).isEqualTo("OIDC");
    }

    @Test
    @DisplayName("claims attribute: the application reads the citizen's name from the request attribute")
    void claimsAttributeWhenSignedInThenHoldsProfileClaims() {
        assertThat(text(signedInPage, "claim-name")).isEqualTo(Citizen.SITI.name());
    }

    @Test
    @DisplayName("isUserInRole with role-claim=acr: the level of assurance reached is a role, another value is not")
    void isUserInRoleWhenRoleClaimIsAcrThenReachedLevelIsRoleAndOtherValueNot() {
        String acr = text(signedInPage, "claim-acr");
        assertThat(acr).as("acr claim").isNotBlank().isNotEqualTo("null");

        Page page = signedIn.openWithoutFollowing(app.uri("/profile?" + FormData.of("role", acr, "role", "admin").encode()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(role(page, acr)).isEqualTo("true");
        assertThat(role(page, "admin")).isEqualTo("false");
    }

    @Test
    @DisplayName("public page without sign-in: served, with no remote user")
    void publicPageWhenNotSignedInThenServedAnonymously() {
        HttpResponse<String> response = BackChannel.get(app.uri("/public/hello"), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<span id=\"remote-user\"></span>");
    }

    @Test
    @DisplayName("API request without sign-in: 401, no redirect to the provider")
    void apiRequestWhenNotSignedInThenUnauthorizedWithoutRedirect() {
        HttpResponse<String> response = BackChannel.get(app.uri("/api/me"), "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("\"user\"");
    }

    @Test
    @DisplayName("API request of a signed-in browser: answered by the application with the remote user")
    void apiRequestWhenSignedInThenAnsweredWithRemoteUser() {
        Page page = signedIn.openWithoutFollowing(app.uri("/api/me"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("{\"user\":\"" + pairwiseSubject + "\"}");
    }

    @Test
    @DisplayName("session cookie after sign-in: HttpOnly")
    void sessionCookieWhenSignedInThenHttpOnly() {
        assertThat(signedIn.cookies(app.base())).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie.isHttpOnly()).as("%s HttpOnly", cookie.getName()).isTrue());
    }

    @Test
    @DisplayName("callback with a tampered state: refused (4xx, not signed in); the genuine callback still works")
    void callbackWhenStateTamperedThenRefusedAndNotSignedIn() {
        SsoBrowser browser = new SsoBrowser(harness);
        URI callback = browser.signInUntilCallback(browser.open(app.uri("/profile")), Citizen.SITI);
        AuthorizationResponse genuine = AuthorizationResponse.from(callback);

        Page tampered = browser.openWithoutFollowing(withParameter(callback, "state", genuine.state() + "x"));

        assertClearRefusal(tampered);
        assertNotSignedIn(browser);
        Page afterGenuine = browser.open(callback);
        assertThat(text(afterGenuine, "remote-user")).isEqualTo(pairwiseSubject);
    }

    @Test
    @DisplayName("the same callback URL twice: the second is refused, never a 500")
    void callbackWhenReplayedThenRefused() {
        SsoBrowser browser = new SsoBrowser(harness);
        URI callback = browser.signInUntilCallback(browser.open(app.uri("/profile")), Citizen.SITI);
        assertThat(browser.open(callback).status()).isEqualTo(200);

        assertClearRefusal(browser.openWithoutFollowing(callback));
    }

    @Test
    @DisplayName("callback in a browser that started no sign-in: refused, not signed in")
    void callbackWhenNoPendingLoginThenRefused() {
        SsoBrowser browser = new SsoBrowser(harness);
        URI callback = URI.create(app.uri(SdkApps.CALLBACK_PATH) + "?" + FormData.of("code", "made-up-code",
                "state", "made-up-state", "iss", harness.server().issuer().toString()).encode());

        assertClearRefusal(browser.openWithoutFollowing(callback));
        assertNotSignedIn(browser);
    }

    @Test
    @DisplayName("a path that would read as another host after sign-in: the browser stays in the application")
    void returnToWhenPathLooksAbsoluteThenStaysInApplication() {
        SsoBrowser browser = new SsoBrowser(harness);
        URI sneaky = URI.create(app.base() + "//evil.example/steal?x=1");
        Page first = browser.open(sneaky);
        if (!first.leftServer() && first.uri().getHost().equals("127.0.0.1")) {
            // some containers (Jetty 12) refuse the empty path segment outright: as safe, if clearly refused
            assertClearRefusal(first);
            return;
        }
        URI callback = browser.signInUntilCallback(first, Citizen.SITI);

        // follows the application's own redirects only: a redirect to another host would stop here
        Page landed = browser.openWithoutFollowing(callback);

        assertThat(landed.leftServer()).as("sent away from the application: %s", landed).isFalse();
        assertThat(landed.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(landed.uri().getPort()).isEqualTo(container.port());
        assertThat(landed.uri().getRawPath()).startsWith("/" + warName + "/").doesNotStartWith("/" + warName + "//");
    }

    @Test
    @DisplayName("X-Forwarded-* sent by a client: not trusted by the adapter, the redirect URI keeps the request's own origin")
    void signInWhenClientSendsForwardedHeadersThenRedirectUriKeepsRequestOrigin() {
        HttpResponse<String> response = BackChannel.get(app.uri("/profile"), "Accept", "text/html",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "443",
                "Forwarded", "proto=https;host=evil.example");

        assertThat(response.statusCode()).isEqualTo(302);
        AuthorizationResponse authorization = AuthorizationResponse.from(
                URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(authorization.parameters().get("redirect_uri")).isEqualTo(app.uri(SdkApps.CALLBACK_PATH).toString());
    }

    @Test
    @DisplayName("RP-initiated logout: provider session ended, back at the post-logout page, next request signs in again")
    void logoutWhenCitizenSignsOutThenProviderSessionEndsAndNextRequestRedirects() {
        SsoBrowser browser = new SsoBrowser(harness);
        browser.signIn(browser.open(app.uri("/profile")), Citizen.SITI);

        Page afterLogout = confirmIfAsked(browser, browser.open(app.uri(SdkApps.LOGOUT_PATH)));

        assertThat(afterLogout.status()).as("%s", afterLogout).isEqualTo(200);
        assertThat(afterLogout.uri().getPath()).isEqualTo("/" + warName + SdkApps.SIGNED_OUT_PATH);
        assertNotSignedIn(browser);
        assertThat(LoginPage.isShown(browser.open(app.uri("/profile"))))
                .as("the provider asks for the password again: its session ended too").isTrue();
    }

    @Test
    @DisplayName("back-channel logout: the citizen signs out through another application; this one's next request is not signed in")
    void backChannelLogoutWhenProviderSessionEndsElsewhereThenApplicationSignsOut() throws InterruptedException {
        SsoBrowser browser = new SsoBrowser(harness);
        browser.signIn(browser.open(app.uri("/profile")), Citizen.SITI);
        String postLogout = harness.clients().callback("/other-app/signed-out");
        TestClient otherApp = harness.clients().register(ClientSpec.confidential().postLogoutRedirectUris(postLogout));
        CompletedFlow other = harness.codeFlow().run(browser.providerBrowser(), otherApp, harness.request(otherApp),
                Citizen.SITI);

        Page ended = confirmIfAsked(browser, browser.providerBrowser().open(endSession(other.tokens().idToken(), postLogout)));
        assertThat(ended.leftServer()).as("the provider ended its session: %s", ended).isTrue();

        Instant deadline = Instant.now().plus(BACK_CHANNEL_DEADLINE);
        Page page = browser.openWithoutFollowing(app.uri("/profile"));
        while (page.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            page = browser.openWithoutFollowing(app.uri("/profile"));
        }
        assertRedirectToProvider(page);
    }

    @Test
    @DisplayName("access token expiring within refresh-ahead: the next request refreshes it (a new ID token's iat)")
    void refreshWhenAccessTokenWithinRefreshAheadThenNextRequestSeesNewTokens() throws InterruptedException {
        AppDeployment app = refreshingApp();
        SsoBrowser browser = new SsoBrowser(harness);
        Page first = browser.signIn(browser.open(app.uri("/profile")), Citizen.SITI);
        String firstIat = text(first, "claim-iat");
        String authTime = text(first, "claim-auth_time");
        // iat has a resolution of one second
        Thread.sleep(1100);

        Page second = browser.openWithoutFollowing(app.uri("/profile"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(text(second, "remote-user")).isEqualTo(pairwiseSubject);
        assertThat(Long.parseLong(text(second, "claim-iat"))).as("iat of the refreshed ID token")
                .isGreaterThan(Long.parseLong(firstIat));
        assertThat(text(second, "claim-auth_time")).as("the same sign-in").isEqualTo(authTime);
    }

    @Test
    @DisplayName("provider unreachable: the application deploys (discovery is lazy) and a sign-in shows the 503 page, no 500")
    void signInWhenProviderUnreachableThenServiceUnavailablePage() {
        Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, appClient));
        settings.put("satupintu.issuer", "http://127.0.0.1:" + closedPort());
        AppDeployment dead = container.deploy("/dead-provider", SdkApps.war(warName),
                SdkApps.configParameter(SdkApps.configFile(settings)));
        assertThat(dead.available()).as("deployed although the provider is down").isTrue();

        HttpResponse<String> response = BackChannel.get(dead.uri("/profile"), "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    @DisplayName("bad configuration (issuer not a URL): the deployment fails instead of serving unprotected pages")
    void deploymentWhenConfigurationInvalidThenApplicationDoesNotStart() {
        Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, appClient));
        settings.put("satupintu.issuer", "not a url");
        AppDeployment broken = container.deploy("/broken-config", SdkApps.war(warName),
                SdkApps.configParameter(SdkApps.configFile(settings)));

        assertThat(broken.available()).isFalse();
        assertThat(BackChannel.get(broken.uri("/profile")).statusCode()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("external configuration file named but missing: the deployment fails")
    void deploymentWhenNamedConfigurationFileMissingThenApplicationDoesNotStart() {
        AppDeployment missing = container.deploy("/missing-config", SdkApps.war(warName),
                Map.of("satupintu.config", "/nonexistent/satupintu-" + System.nanoTime() + ".properties"));

        assertThat(missing.available()).isFalse();
    }

    /** A second deployment whose access tokens always count as expiring, so that every request refreshes. */
    private AppDeployment refreshingApp() {
        if (refreshing == null) {
            URI base = URI.create(container.origin() + "/refreshing");
            TestClient client = SdkApps.register(harness, base);
            Map<String, String> settings = new LinkedHashMap<>(SdkApps.settings(harness, client));
            settings.put("satupintu.refresh-ahead", "P1D");
            settings.put("satupintu.scopes", "openid profile offline_access");
            refreshing = container.deploy("/refreshing", SdkApps.war(warName),
                    SdkApps.configParameter(SdkApps.configFile(settings)));
            assertThat(refreshing.available()).isTrue();
        }
        return refreshing;
    }

    private URI endSession(String idTokenHint, String postLogoutRedirectUri) {
        return URI.create(harness.discovery().endSessionEndpoint() + "?" + FormData.of("id_token_hint", idTokenHint,
                "post_logout_redirect_uri", postLogoutRedirectUri, "state", "s").encode());
    }

    /** The provider may ask the citizen to confirm sign-out (RP-Initiated Logout 1.0 §2); confirm when it does. */
    private static Page confirmIfAsked(SsoBrowser browser, Page page) {
        if (page.leftServer() || page.uri().getHost().equals("127.0.0.1")) {
            return page;
        }
        return HtmlForm.all(page).stream().findFirst()
                .map(form -> browser.continueFrom(browser.providerBrowser().submit(form, form.defaults())))
                .orElse(page);
    }

    private void assertNotSignedIn(SsoBrowser browser) {
        assertRedirectToProvider(browser.openWithoutFollowing(app.uri("/profile")));
    }

    private void assertRedirectToProvider(Page page) {
        assertThat(page.leftServer()).as("redirected to sign in: %s", page).isTrue();
        URI location = page.location().orElseThrow();
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
                .isEqualTo(harness.discovery().authorizationEndpoint().toString());
    }

    private static void assertClearRefusal(Page page) {
        assertThat(page.status()).as("%s: %s", page, page.headline()).isBetween(400, 499);
        assertThat(page.location()).isEmpty();
    }

    private static String text(Page page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no #" + id + " on " + page + ": " + page.headline());
        }
        return matcher.group(1);
    }

    private static String role(Page page, String role) {
        Matcher matcher = Pattern.compile("data-role=\"" + Pattern.quote(role) + "\">([^<]*)<").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("role " + role + " not on " + page);
        }
        return matcher.group(1);
    }

    private static URI withParameter(URI uri, String name, String value) {
        String query = uri.getRawQuery().replaceAll("(^|&)" + Pattern.quote(name) + "=[^&]*",
                "$1" + name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        return URI.create(uri.toString().substring(0, uri.toString().indexOf('?') + 1) + query);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
