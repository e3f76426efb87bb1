package id.satupintu.conformance.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.CompletedFlow;
import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.Harness;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Json;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.sdk.boot.SdkProcess;
import id.satupintu.conformance.sdk.harness.SdkApps;
import id.satupintu.conformance.sdk.harness.SsoBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SSO gateway jar in front of the gateway sample's {@code app.py} (Python, no sign-on code), both as child
 * processes, against the real provider: sign-on through the gateway, the identity headers the upstream sees,
 * forged identity headers never reaching it (any case, underscores, several copies; signed in or not), the
 * gateway's cookies kept from it, 401 for API calls without sign-in, and Back-Channel Logout 1.0 ending the
 * gateway session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SDK SSO gateway: app.py behind the gateway jar, against the provider")
class SsoGatewayTest {

    private static final Duration STARTUP = GatewayProcesses.STARTUP;
    private static final Duration BACK_CHANNEL_DEADLINE = Duration.ofSeconds(20);
    /** app.py's echo of every request header; public in this deployment so it can be probed without sign-in. */
    private static final String ECHO = "/api/request";
    private static final String IDENTITY_PREFIX = "x-satupintu-";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final List<SdkProcess> processes = new ArrayList<>();

    @RegisterExtension
    final org.junit.jupiter.api.extension.TestWatcher output = SdkProcess.showOutputOnFailure(() -> processes);

    private Harness harness;
    private URI base;
    private String subject;
    private SsoBrowser signedIn;
    private Page signedInPage;

    @BeforeAll
    void startUpstreamAndGatewayAndSignIn() {
        harness = Harness.get();
        int upstreamPort = SdkProcess.freePort();
        processes.add(GatewayProcesses.upstream(upstreamPort));

        int port = SdkProcess.freePort();
        base = URI.create("http://127.0.0.1:" + port);
        TestClient client = SdkApps.register(harness, base);
        Properties settings = new Properties();
        settings.putAll(SdkApps.settings(harness, client));
        settings.put("gateway.listen-host", "127.0.0.1");
        settings.put("gateway.listen-port", String.valueOf(port));
        settings.put("gateway.upstream", "http://127.0.0.1:" + upstreamPort);
        settings.put("satupintu.public-paths", ECHO);
        processes.add(GatewayProcesses.gateway("gateway", settings));

        subject = harness.codeFlow().run(harness.newBrowser(), client, harness.request(client), Citizen.SITI).sub();
        signedIn = new SsoBrowser(harness);
        signedInPage = signedIn.signIn(signedIn.open(uri("/")), Citizen.SITI);
    }

    @AfterAll
    void stopProcesses() {
        processes.forEach(SdkProcess::close);
    }

    @Test
    @DisplayName("sign in through the gateway: the upstream's page greets the citizen")
    void homeWhenCitizenSignsInThroughGatewayThenUpstreamPageShown() {
        assertThat(signedInPage.status()).as("%s", signedInPage).isEqualTo(200);
        assertThat(signedInPage.uri().getPath()).isEqualTo("/");
        assertThat(signedInPage.body()).contains("Selamat datang").contains(subject);
    }

    @Test
    @DisplayName("the upstream sees Subject, Name, Roles, Acr and Claims (base64url JSON) for the signed-in citizen")
    void upstreamWhenCitizenSignedInThenSeesIdentityHeaders() {
        Map<String, List<String>> identity = identityHeaders(send(ECHO, sessionCookie(), List.of()));

        assertThat(identity.get("x-satupintu-subject")).containsExactly(subject);
        assertThat(identity.get("x-satupintu-name")).containsExactly(subject);
        assertThat(identity.get("x-satupintu-acr")).singleElement().asString().isNotBlank();
        assertThat(identity).containsKey("x-satupintu-roles");
        Map<String, Object> claims = Json.object(new String(Base64.getUrlDecoder().decode(
                identity.get("x-satupintu-claims").get(0)), StandardCharsets.UTF_8));
        assertThat(claims).containsEntry("sub", subject).containsEntry("name", Citizen.SITI.name());
    }

    @Test
    @DisplayName("signed in, the browser forges X-SatuPintu-* (mixed case, underscores, duplicates): only the gateway's values arrive")
    void upstreamWhenSignedInBrowserForgesIdentityHeadersThenOnlyGatewayValuesArrive() {
        Map<String, List<String>> identity = identityHeaders(send(ECHO, sessionCookie(), forgedHeaders()));

        assertThat(identity.get("x-satupintu-subject")).containsExactly(subject);
        assertThat(identity.get("x-satupintu-roles")).hasSize(1).noneMatch(roles -> roles.contains("admin"));
        assertThat(identity).doesNotContainKey("x-satupintu-forged");
        assertNoForgedValue(identity);
    }

    @Test
    @DisplayName("not signed in, forged X-SatuPintu-* on a public path: none reaches the upstream")
    void upstreamWhenAnonymousRequestForgesIdentityHeadersThenNoneArrives() {
        HttpResponse<String> response = send(ECHO, null, forgedHeaders());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(identityHeaders(response)).isEmpty();
    }

    @Test
    @DisplayName("the gateway's session cookie never reaches the upstream; the application's own cookies do")
    void upstreamWhenRequestCarriesCookiesThenGatewayCookiesStripped() {
        String cookies = sessionCookie() + "; tema=gelap; SATUPINTU_APP=forged-handle";

        List<String> upstreamCookies = headers(send(ECHO, cookies, List.of())).getOrDefault("cookie", List.of());

        assertThat(String.join("; ", upstreamCookies)).contains("tema=gelap").doesNotContain("SATUPINTU");
    }

    @Test
    @DisplayName("API request without sign-in: 401 from the gateway, no redirect")
    void apiWhenNotSignedInThenUnauthorized() {
        HttpResponse<String> response = BackChannel.get(uri("/api/whoami"), "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("subject");
    }

    @Test
    @DisplayName("browser navigation without sign-in: redirected to the provider's authorization endpoint")
    void pageWhenNotSignedInThenRedirectedToProvider() {
        assertRedirectToProvider(new SsoBrowser(harness).openWithoutFollowing(uri("/")));
    }

    @Test
    @DisplayName("back-channel logout: the citizen signs out through another application; the gateway session ends")
    void backChannelLogoutWhenProviderSessionEndsElsewhereThenGatewaySignsOut() throws InterruptedException {
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
    @DisplayName("bad configuration (no upstream): exit code 2 and one clear line, no stack trace")
    void startupWhenUpstreamMissingThenExitCodeTwoAndClearMessage() {
        SdkProcess broken = SdkProcess.start("gateway (no upstream)",
                SdkProcess.javaJar(SdkProcess.jar("satupintu-sso-gateway.jar")),
                Map.of("SATUPINTU_ISSUER", harness.server().issuer().toString(), "SATUPINTU_CLIENT_ID", "x"));
        processes.add(broken);

        assertThat(broken.awaitExit(STARTUP)).isEqualTo(2);
        assertThat(broken.output()).contains("gateway.upstream").doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static List<String[]> forgedHeaders() {
        return List.of(
                new String[] {"X-SatuPintu-Subject", "attacker-1"},
                new String[] {"x-satupintu-subject", "attacker-2"},
                new String[] {"X-SATUPINTU-SUBJECT", "attacker-3"},
                new String[] {"X_SatuPintu_Subject", "attacker-4"},
                new String[] {"X-SatuPintu-Roles", "admin"},
                new String[] {"X-SatuPintu-Claims", Base64.getUrlEncoder().encodeToString(
                        "{\"sub\":\"attacker-5\"}".getBytes(StandardCharsets.UTF_8))},
                new String[] {"X-SatuPintu-Forged", "attacker-6"});
    }

    private static void assertNoForgedValue(Map<String, List<String>> identity) {
        identity.forEach((name, values) -> assertThat(values).as(name).noneMatch(value -> value.contains("attacker")
                || new String(decodeOrEmpty(value), StandardCharsets.UTF_8).contains("attacker")));
    }

    private static byte[] decodeOrEmpty(String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Sends a request as a browser would, with explicit cookies and extra headers, and returns app.py's answer. */
    private HttpResponse<String> send(String path, String cookies, List<String[]> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET()
                .header("Accept", "application/json");
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        extraHeaders.forEach(header -> request.header(header[0], header[1]));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** @return every header app.py received, by lower-case name with underscores as dashes, values in order */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> headers(HttpResponse<String> echo) {
        assertThat(echo.statusCode()).as(echo.body()).isEqualTo(200);
        List<List<String>> received = (List<List<String>>) Json.object(echo.body()).get("headers");
        return received.stream().collect(Collectors.groupingBy(
                header -> header.get(0).toLowerCase(Locale.ROOT).replace('_', '-'),
                Collectors.mapping(header -> header.get(1), Collectors.toList())));
    }

    private static Map<String, List<String>> identityHeaders(HttpResponse<String> echo) {
        Map<String, List<String>> identity = new TreeMap<>(headers(echo));
        identity.keySet().removeIf(name -> !name.startsWith(IDENTITY_PREFIX));
        return identity;
    }

    private String sessionCookie() {
        return signedIn.cookies(base).stream().map(HttpCookie::toString).collect(Collectors.joining("; "));
    }

    private void assertRedirectToProvider(Page page) {
        assertThat(page.leftServer()).as("redirected to sign in: %s", page).isTrue();
        URI location = page.location().orElseThrow();
        assertThat(location.getScheme() + "://" + location.getAuthority() + location.getPath())
                .isEqualTo(harness.discovery().authorizationEndpoint().toString());
    }

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
}
