package id.satupintu.conformance.sdk.boot;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.LoginPage;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spring Boot sample ({@code sdk-java/samples/spring-boot-app}: the starter dependency and
 * {@code application.properties} lines, no SSO Java) as a real Boot jar in its own JVM against the real
 * provider: browser sign-on (OpenID Connect Core 1.0 §3.1), the servlet API answering from the citizen, roles,
 * RP-Initiated Logout 1.0, Back-Channel Logout 1.0, and its {@code /api/*} as a resource server (RFC 6750).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK Spring Boot starter: the sample Boot app against the provider")
class SpringBootStarterTest {

    private static final String ROLE_CLAIM = "acr";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration BACK_CHANNEL_DEADLINE = Duration.ofSeconds(20);

    private final List<SdkProcess> processes = new ArrayList<>();

    @RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher output = SdkProcess.showOutputOnFailure(() -> processes);

    private Harness harness;
    private URI base;
    private TestClient appClient;
    private CompletedFlow ownToken;
    private SsoBrowser signedIn;
    private Page signedInPage;

    @BeforeAll
    void startAppAndSignIn() {
        harness = Harness.get();
        int port = SdkProcess.freePort();
        base = URI.create("http://127.0.0.1:" + port);
        appClient = SdkApps.register(harness, base);
        processes.add(SdkProcess.start("spring-boot-app", SdkProcess.javaJar(SdkProcess.jar("spring-boot-app.jar")),
                environment(port, Map.of())).awaitHttp(uri("/public/signed-out"), STARTUP));

        // an access token the provider issued to this very client: its audience is the app's client id
        ownToken = harness.codeFlow().run(harness.newBrowser(), appClient, harness.request(appClient), Citizen.SITI);
        signedIn = new SsoBrowser(harness);
        signedInPage = signedIn.signIn(signedIn.open(uri("/")), Citizen.SITI);
    }

    @AfterAll
    void stopApp() {
        processes.forEach(SdkProcess::close);
    }

    @Test
    @DisplayName("protected page, citizen signs in at the provider: getRemoteUser() and the principal are the pairwise sub")
    void homePageWhenCitizenSignsInThenRemoteUserAndPrincipalAreSubject() {
        assertThat(signedInPage.status()).as("%s", signedInPage).isEqualTo(200);
        assertThat(signedInPage.uri().getPath()).isEqualTo("/");
        assertThat(text(signedInPage, "remote-user")).isEqualTo(ownToken.sub());
        assertThat(text(signedInPage, "principal")).isEqualTo(ownToken.sub());
        assertThat(text(signedInPage, "auth-type")).isEqualTo("OIDC");
        assertThat(text(signedInPage, "claim-name")).isEqualTo(Citizen.SITI.name());
    }

    @Test
    @DisplayName("isUserInRole with role-claim=acr: the level reached is a role, another value is not")
    void isUserInRoleWhenRoleClaimIsAcrThenReachedLevelIsRoleAndOtherIsNot() {
        String acr = text(signedInPage, "claim-acr");
        assertThat(acr).isNotBlank();

        assertThat(signedIn.openWithoutFollowing(uri("/roles/" + acr)).body()).isEqualTo("role " + acr + ": true");
        assertThat(signedIn.openWithoutFollowing(uri("/roles/admin")).body()).isEqualTo("role admin: false");
    }

    @Test
    @DisplayName("public page: served without sign-in, no redirect")
    void publicPageWhenNotSignedInThenServed() {
        HttpResponse<String> response = BackChannel.get(uri("/public/signed-out"), "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("RP-initiated logout: back at the post-logout page, provider session ended, next request signs in again")
    void logoutWhenCitizenSignsOutThenProviderSessionEndsAndNextRequestRedirects() {
        SsoBrowser browser = new SsoBrowser(harness);
        assertThat(browser.signIn(browser.open(uri("/")), Citizen.BUDI).status()).isEqualTo(200);

        Page afterLogout = confirmIfAsked(browser, browser.open(uri(SdkApps.LOGOUT_PATH)));

        assertThat(afterLogout.status()).as("%s", afterLogout).isEqualTo(200);
        assertThat(afterLogout.uri().getPath()).isEqualTo(SdkApps.SIGNED_OUT_PATH);
        assertRedirectToProvider(browser.openWithoutFollowing(uri("/")));
        assertThat(LoginPage.isShown(browser.open(uri("/")))).as("the provider asks for the password again").isTrue();
    }

    @Test
    @DisplayName("back-channel logout: the citizen signs out through another application; the Boot app's session ends")
    void backChannelLogoutWhenProviderSessionEndsElsewhereThenBootAppSignsOut() throws InterruptedException {
        SsoBrowser browser = new SsoBrowser(harness);
        assertThat(browser.signIn(browser.open(uri("/")), Citizen.BUDI).status()).isEqualTo(200);
        String postLogout = harness.clients().callback("/other-app/signed-out");
        TestClient otherApp = harness.clients().register(ClientSpec.confidential().postLogoutRedirectUris(postLogout));
        CompletedFlow other = harness.codeFlow().run(browser.providerBrowser(), otherApp, harness.request(otherApp),
                Citizen.BUDI);

        Page ended = confirmIfAsked(browser, browser.providerBrowser().open(URI.create(
                harness.discovery().endSessionEndpoint() + "?" + FormData.of("id_token_hint", other.tokens().idToken(),
                        "post_logout_redirect_uri", postLogout, "state", "s").encode())));
        assertThat(ended.leftServer()).as("the provider ended its session: %s", ended).isTrue();

        Instant deadline = Instant.now().plus(BACK_CHANNEL_DEADLINE);
        Page page = browser.openWithoutFollowing(uri("/"));
        while (page.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            page = browser.openWithoutFollowing(uri("/"));
        }
        assertRedirectToProvider(page);
    }

    @Test
    @DisplayName("resource server: an access token the provider issued for this audience → 200, caller is its subject")
    void apiWhenAccessTokenForConfiguredAudienceThenAnswered() {
        HttpResponse<String> response = api("Bearer " + ownToken.accessToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = Json.object(response.body());
        assertThat(body).containsEntry("caller", ownToken.sub()).containsEntry("authType", "Bearer");
    }

    @Test
    @DisplayName("resource server: no Authorization header → 401 with a Bearer challenge, no redirect to sign in")
    void apiWhenNoTokenThenUnauthorizedChallenge() {
        HttpResponse<String> response = api(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    @DisplayName("resource server: a token the provider issued to ANOTHER client (wrong audience) → 401 invalid_token")
    void apiWhenTokenForAnotherAudienceThenInvalidToken() {
        TestClient other = harness.clients().register(ClientSpec.confidential());
        String foreign = harness.codeFlow().run(harness.newBrowser(), other, harness.request(other), Citizen.SITI).accessToken();

        assertInvalidToken(api("Bearer " + foreign));
    }

    @Test
    @DisplayName("resource server: a genuine token with its payload altered (another subject) → 401 invalid_token")
    void apiWhenTokenTamperedThenInvalidToken() {
        String[] parts = ownToken.accessToken().split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(Json.object(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)));
        claims.put("sub", "someone-else");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertInvalidToken(api("Bearer " + tampered));
    }

    @Test
    @DisplayName("resource server: the same token unsigned (alg none) → 401 invalid_token")
    void apiWhenTokenUnsignedThenInvalidToken() {
        String[] parts = ownToken.accessToken().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));

        assertInvalidToken(api("Bearer " + none + "." + parts[1] + "."));
    }

    @Test
    @DisplayName("resource server: garbage in place of a token → 401 invalid_token, nothing about why in the response")
    void apiWhenTokenNotAJwtThenInvalidTokenWithoutDetails() {
        HttpResponse<String> response = api("Bearer not-a-jwt");

        assertInvalidToken(response);
        assertThat(response.body()).doesNotContainIgnoringCase("signature").doesNotContainIgnoringCase("parse")
                .doesNotContainIgnoringCase("exception");
    }

    @Test
    @DisplayName("resource server: a signed-in browser's session cookie is no bearer token → 401")
    void apiWhenOnlyBrowserSessionThenUnauthorized() {
        Page page = signedIn.openWithoutFollowing(uri("/api/permohonan"));

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.location()).isEmpty();
    }

    @Test
    @DisplayName("bad configuration (clock-skew not a duration): the Boot app refuses to start, naming the key")
    void startupWhenSettingMalformedThenAppExitsNamingTheKey() {
        int port = SdkProcess.freePort();
        SdkProcess broken = SdkProcess.start("spring-boot-app (bad config)",
                SdkProcess.javaJar(SdkProcess.jar("spring-boot-app.jar")),
                environment(port, Map.of("SATUPINTU_CLOCK_SKEW", "sixty seconds")));
        processes.add(broken);

        assertThat(broken.awaitExit(STARTUP)).isNotZero();
        assertThat(broken.output()).contains("satupintu.clock-skew");
    }

    private Map<String, String> environment(int port, Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SATUPINTU_ISSUER", harness.server().issuer().toString());
        environment.put("SATUPINTU_CLIENT_ID", appClient.clientId());
        environment.put("SATUPINTU_CLIENT_SECRET", appClient.clientSecret());
        environment.put("SATUPINTU_ROLE_CLAIM", ROLE_CLAIM);
        environment.putAll(extra);
        return environment;
    }

    private HttpResponse<String> api(String authorization) {
        return authorization == null
                ? BackChannel.get(uri("/api/permohonan"), "Accept", "application/json")
                : BackChannel.get(uri("/api/permohonan"), "Accept", "application/json", "Authorization", authorization);
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(response.body()).doesNotContain("caller");
    }

    private void assertRedirectToProvider(Page page) {
        assertThat(page.leftServer()).as("redirected to sign in: %s", page).isTrue();
        URI location = page.location().orElseThrow();
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
                .isEqualTo(harness.discovery().authorizationEndpoint().toString());
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

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String text(Page page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no #" + id + " on " + page + ": " + page.headline());
        }
        return matcher.group(1);
    }
}
