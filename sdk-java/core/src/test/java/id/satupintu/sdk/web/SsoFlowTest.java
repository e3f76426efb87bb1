package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.Citizen;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.PendingLogin;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.testsupport.TestProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole sign-on flow through an in-memory servlet container against {@link TestProvider}, a real
 * OpenID provider over real HTTP: the browser's trip to the provider's authorization endpoint is a real
 * HTTP request, and so are the code exchange, refresh and logout-token key fetches the client makes.
 */
class SsoFlowTest {

    private static final String ORIGIN = "http://127.0.0.1:1";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestProvider provider;
    private SatuPintuClient client;
    private ContainerSessionLogins logins;
    private ContainerSessionLoginsTest.MutableClock clock;
    private SsoFlow flow;
    private final TestContainer app = new TestContainer(ORIGIN, "/app");

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        configure(Map.of());
    }

    @AfterEach
    void stop() {
        client.close();
        provider.close();
    }

    private void configure(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(provider.clientProperties());
        properties.put("satupintu.redirect-uri", "/satupintu/callback");
        properties.put("satupintu.public-paths", "/public/*,*.css");
        properties.putAll(overrides);
        if (client != null) {
            client.close();
        }
        client = SatuPintuClient.create(SatuPintuConfig.from(properties));
        logins = new ContainerSessionLogins();
        clock = new ContainerSessionLoginsTest.MutableClock(Instant.now());
        flow = new SsoFlow(client, logins, clock);
    }

    private TestExchange handle(TestExchange exchange) {
        FlowResult result = flow.handle(exchange);
        assertThat(result.responded()).as("responded() iff a response was written").isEqualTo(exchange.answered());
        return exchange;
    }

    private TestExchange navigate(TestBrowser browser, String target) {
        return handle(app.get(browser, target));
    }

    /** The browser follows the provider's redirect: a real HTTP GET to the authorization endpoint. */
    private String authorize(String authorizationUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("provider's authorization answer").isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the target within the application of an absolute URL of it */
    private String withinApp(String absolute) {
        assertThat(absolute).startsWith(ORIGIN + "/app/");
        return absolute.substring((ORIGIN + "/app").length());
    }

    /** Navigates to a protected page, goes through the provider and returns the callback's exchange. */
    private TestExchange signIn(TestBrowser browser, String target) {
        TestExchange start = navigate(browser, target);
        assertThat(start.status()).isEqualTo(302);
        return navigate(browser, withinApp(authorize(start.location())));
    }

    private Citizen citizenAt(TestBrowser browser, String target) {
        TestExchange exchange = app.get(browser, target);
        FlowResult result = flow.handle(exchange);
        assertThat(result.responded()).isFalse();
        return result.citizen().orElse(null);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Nested
    class SignIn {

        @Test
        void protectedPageWhenNotSignedInThenRedirectToProviderWithPkceStateAndAbsoluteRedirectUri() {
            TestExchange exchange = navigate(new TestBrowser(), "/orders?id=7");

            assertThat(exchange.status()).isEqualTo(302);
            assertThat(exchange.location()).startsWith(provider.url("/authorize"));
            Map<String, String> request = query(exchange.location());
            assertThat(request).containsEntry("redirect_uri", ORIGIN + "/app/satupintu/callback")
                    .containsEntry("code_challenge_method", "S256")
                    .containsKeys("state", "nonce", "code_challenge");
        }

        @Test
        void callbackWhenValidThenSignedInUnderNewSessionIdAndBackToRequestedPage() {
            TestBrowser browser = new TestBrowser();
            TestExchange start = navigate(browser, "/orders?id=7");
            String sessionBefore = browser.cookie(TestContainer.SESSION_COOKIE).orElseThrow();

            TestExchange callback = navigate(browser, withinApp(authorize(start.location())));

            assertThat(callback.status()).isEqualTo(302);
            assertThat(callback.location()).isEqualTo("/app/orders?id=7");
            assertThat(browser.cookie(TestContainer.SESSION_COOKIE)).get().isNotEqualTo(sessionBefore);
            Citizen citizen = citizenAt(browser, "/orders");
            assertThat(citizen).isNotNull();
            assertThat(citizen.getName()).isEqualTo("citizen-1");
        }

        @Test
        void signedInWhenPublicOrProtectedPageThenCitizenPassedOn() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            assertThat(citizenAt(browser, "/public/help")).isNotNull();
            assertThat(citizenAt(browser, "/orders")).isNotNull();
        }

        @Test
        void publicPageWhenNotSignedInThenAnonymousWithoutRedirect() {
            TestExchange exchange = app.get(new TestBrowser(), "/public/help");
            FlowResult result = flow.handle(exchange);

            assertThat(result.responded()).isFalse();
            assertThat(result.citizen()).isEmpty();
            assertThat(exchange.answered()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/public/../orders", "/public/..;/orders", "/public/%2e%2e/orders"})
        void publicPatternWhenPathNotCanonicalThenTreatedAsProtected(String path) {
            assertThat(navigate(new TestBrowser(), path).location()).startsWith(provider.url("/authorize"));
        }

        @Test
        void unprotectedPageWhenOnlyAdminProtectedThenAnonymous() {
            configure(Map.of("satupintu.protected-paths", "/admin/*"));

            assertThat(citizenAt(new TestBrowser(), "/index.html")).isNull();
            assertThat(navigate(new TestBrowser(), "/admin/users").status()).isEqualTo(302);
        }

        @Test
        void returnToWhenProtectedPagePathLooksLikeAnotherOriginThenBackToApplicationRoot() {
            TestBrowser browser = new TestBrowser();

            TestExchange callback = signIn(browser, "//evil.example/phish");

            assertThat(callback.location()).isEqualTo("/app/");
        }

        @ParameterizedTest
        @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example/", "/\t/evil.example"})
        void callbackWhenStoredReturnToTamperedThenBackToApplicationRootOnly(String evil) {
            TestBrowser browser = new TestBrowser();
            TestExchange start = navigate(browser, "/orders");
            String state = query(start.location()).get("state");
            PendingLogin pending = logins.takePending(app.get(browser, "/"), state).orElseThrow();
            logins.savePending(app.get(browser, "/"), new PendingLogin(pending.state(), pending.nonce(),
                    pending.codeVerifier(), pending.redirectUri(), evil, pending.startedAt()));

            TestExchange callback = navigate(browser, withinApp(authorize(start.location())));

            assertThat(callback.status()).isEqualTo(302);
            assertThat(callback.location()).isEqualTo("/app/");
        }

        @Test
        void protectedPageWhenProviderDownThenServiceUnavailablePageNotServerError() {
            provider.fail("/.well-known/openid-configuration", 500);

            TestExchange exchange = navigate(new TestBrowser(), "/orders");

            assertThat(exchange.status()).isEqualTo(503);
            assertThat(exchange.contentType()).startsWith("text/html");
            assertThat(exchange.body()).contains("Penyedia identitas sedang tidak dapat dihubungi")
                    .contains("href=\"/app/\"");
            assertThat(exchange.location()).isNull();
        }

        @Test
        void callbackWhenAbsoluteRedirectUriConfiguredThenHandledAtItsPath() {
            configure(Map.of("satupintu.redirect-uri", "https://app.example/app/login/done"));
            TestBrowser browser = new TestBrowser();
            TestExchange start = navigate(browser, "/orders");
            assertThat(query(start.location())).containsEntry("redirect_uri", "https://app.example/app/login/done");
            String callback = authorize(start.location());
            String target = callback.substring("https://app.example/app".length());

            TestExchange done = navigate(browser, target);

            assertThat(done.status()).isEqualTo(302);
            assertThat(done.location()).isEqualTo("/app/orders");
        }
    }

    @Nested
    class ApiRequests {

        @ParameterizedTest
        @ValueSource(strings = {"application/json", "*/*"})
        void protectedPathWhenNotHtmlRequestThen401WithoutRedirect(String accept) {
            TestExchange exchange = handle(app.request(new TestBrowser(), "GET", "/api/orders").header("Accept", accept));

            assertThat(exchange.status()).isEqualTo(401);
            assertThat(exchange.location()).isNull();
            assertThat(exchange.responseHeader("WWW-Authenticate")).startsWith("SatuPintu realm=");
            assertThat(exchange.body()).contains("\"error\":\"login_required\"");
        }

        @Test
        void protectedPathWhenXhrOrFetchOrPostThen401() {
            assertThat(handle(app.get(new TestBrowser(), "/api").header("X-Requested-With", "XMLHttpRequest")).status())
                    .isEqualTo(401);
            assertThat(handle(app.get(new TestBrowser(), "/api").header("Sec-Fetch-Mode", "cors")).status())
                    .isEqualTo(401);
            assertThat(handle(app.request(new TestBrowser(), "POST", "/orders").header("Accept", "text/html")).status())
                    .isEqualTo(401);
        }

        @Test
        void protectedPathWhenNoAcceptHeaderThenTreatedAsNavigation() {
            assertThat(handle(app.request(new TestBrowser(), "GET", "/orders")).status()).isEqualTo(302);
            assertThat(handle(app.request(new TestBrowser(), "HEAD", "/orders")).status()).isEqualTo(302);
        }
    }

    @Nested
    class CallbackFailures {

        private void assertRefused(TestBrowser browser, TestExchange callback, int status) {
            assertThat(callback.status()).isEqualTo(status);
            assertThat(callback.location()).isNull();
            assertThat(callback.contentType()).startsWith("text/html");
            assertThat(callback.body()).contains("Masuk lagi").contains("href=\"/app/\"");
            assertThat(logins.find(app.get(browser, "/"))).isEmpty();
        }

        @Test
        void callbackWhenStateTamperedThen400AndNoSession() {
            TestBrowser browser = new TestBrowser();
            TestExchange start = navigate(browser, "/orders");
            String callback = withinApp(authorize(start.location()));
            String state = query(start.location()).get("state");

            assertRefused(browser, navigate(browser, callback.replace(state, state + "x")), 400);
        }

        @Test
        void callbackWhenNoStateThen400() {
            TestBrowser browser = new TestBrowser();
            navigate(browser, "/orders");

            assertRefused(browser, navigate(browser, "/satupintu/callback?code=abc"), 400);
        }

        @Test
        void callbackWhenFromAnotherBrowserThen400() {
            TestBrowser victim = new TestBrowser();
            String callback = withinApp(authorize(navigate(victim, "/orders").location()));
            TestBrowser attacker = new TestBrowser();
            navigate(attacker, "/orders");

            assertRefused(attacker, navigate(attacker, callback), 400);
        }

        @Test
        void callbackWhenReplayedThenSecondRefusedAndFirstLoginKept() {
            TestBrowser browser = new TestBrowser();
            String callback = withinApp(authorize(navigate(browser, "/orders").location()));
            assertThat(navigate(browser, callback).status()).isEqualTo(302);

            TestExchange replay = navigate(browser, callback);

            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.body()).contains("tidak dikenali atau sudah dipakai");
        }

        @Test
        void callbackWhenProviderAnswersErrorThen400() {
            provider.authorizationError("access_denied");
            TestBrowser browser = new TestBrowser();

            assertRefused(browser, signIn(browser, "/orders"), 400);
        }

        @Test
        void callbackWhenIssuerParameterNamesAnotherProviderThen400() {
            provider.callbackIssuer("https://evil.example");
            TestBrowser browser = new TestBrowser();

            TestExchange callback = signIn(browser, "/orders");

            assertRefused(browser, callback, 400);
            assertThat(callback.body()).contains("penyedia identitas yang tidak dikenal");
        }

        @Test
        void callbackWhenIdTokenForAnotherAudienceThen400() {
            provider.idTokens(jwt -> jwt.with("aud", "another-client").with("azp", "another-client"));
            TestBrowser browser = new TestBrowser();

            assertRefused(browser, signIn(browser, "/orders"), 400);
        }

        @Test
        void callbackWhenIdTokenBadlySignedThen400() {
            provider.idTokens(jwt -> jwt.badSignature());
            TestBrowser browser = new TestBrowser();

            assertRefused(browser, signIn(browser, "/orders"), 400);
        }

        @Test
        void callbackWhenTokenEndpointDownThen503() {
            TestBrowser browser = new TestBrowser();
            String callback = withinApp(authorize(navigate(browser, "/orders").location()));
            provider.fail("/token", 503);

            assertRefused(browser, navigate(browser, callback), 503);
        }

        @Test
        void errorPageWhenBrowserPrefersEnglishThenEnglish() {
            TestBrowser browser = new TestBrowser();
            navigate(browser, "/orders");

            TestExchange callback = handle(app.get(browser, "/satupintu/callback?code=a&state=forged")
                    .locale(Locale.ENGLISH));

            assertThat(callback.body()).contains("lang=\"en\"").contains("Sign in again").doesNotContain("forged");
        }

        @Test
        void callbackWhenWrongMethodThen405() {
            assertThat(handle(app.request(new TestBrowser(), "PUT", "/satupintu/callback")).status()).isEqualTo(405);
        }
    }

    @Nested
    class Refresh {

        @Test
        void requestWhenAccessTokenExpiresWithinRefreshAheadThenRefreshedOnceAndKept() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            Login before = logins.find(app.get(browser, "/")).orElseThrow();
            int tokenRequests = provider.tokenRequests();
            clock.now = before.accessTokenExpiresAt().minusSeconds(10);

            assertThat(citizenAt(browser, "/orders")).isNotNull();

            assertThat(provider.tokenRequests()).isEqualTo(tokenRequests + 1);
            Login after = logins.find(app.get(browser, "/")).orElseThrow();
            assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
            assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        }

        @Test
        void requestsWhenManyArriveTogetherAtExpiryThenOneRefreshServesThemAll() throws Exception {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            Login before = logins.find(app.get(browser, "/")).orElseThrow();
            int tokenRequests = provider.tokenRequests();
            clock.now = before.accessTokenExpiresAt().minusSeconds(10);
            provider.slow("/token", Duration.ofMillis(300));
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                java.util.List<java.util.concurrent.Callable<Citizen>> requests = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    requests.add(() -> citizenAt(browser, "/orders"));
                }
                for (java.util.concurrent.Future<Citizen> result : threads.invokeAll(requests)) {
                    assertThat(result.get()).isNotNull();
                }
            } finally {
                threads.shutdownNow();
            }

            // Rotation would refuse a second use of the refresh token: one request, and the citizen stays in.
            assertThat(provider.tokenRequests()).isEqualTo(tokenRequests + 1);
            assertThat(logins.find(app.get(browser, "/"))).isPresent();
        }

        @Test
        void requestWhenAccessTokenFarFromExpiryThenNoRefresh() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            int tokenRequests = provider.tokenRequests();

            assertThat(citizenAt(browser, "/orders")).isNotNull();

            assertThat(provider.tokenRequests()).isEqualTo(tokenRequests);
        }

        @Test
        void requestWhenRefreshRefusedThenSignedOutAndSentToSignInAgain() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            Login login = logins.find(app.get(browser, "/")).orElseThrow();
            logins.update(app.get(browser, "/"), new Login(login.subject(), login.sid(), login.idToken(),
                    login.accessToken(), login.accessTokenExpiresAt(), "revoked-refresh-token", login.claims(),
                    login.acr(), login.signedInAt()));
            clock.now = login.accessTokenExpiresAt().minusSeconds(10);

            TestExchange exchange = navigate(browser, "/orders");

            assertThat(exchange.status()).isEqualTo(302);
            assertThat(exchange.location()).startsWith(provider.url("/authorize"));
            assertThat(logins.find(app.get(browser, "/"))).isEmpty();
        }

        @Test
        void requestWhenProviderDownDuringRefreshThenStillSignedIn() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            Login login = logins.find(app.get(browser, "/")).orElseThrow();
            provider.fail("/token", 503);
            clock.now = login.accessTokenExpiresAt().minusSeconds(10);

            assertThat(citizenAt(browser, "/orders")).isNotNull();
            assertThat(logins.find(app.get(browser, "/"))).contains(login);
        }
    }

    @Nested
    class LogoutPath {

        @Test
        void logoutWhenSignedInThenLocalLoginGoneAndSentToProviderEndSession() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            Login login = logins.find(app.get(browser, "/")).orElseThrow();

            TestExchange logout = navigate(browser, "/satupintu/logout");

            assertThat(logout.status()).isEqualTo(302);
            assertThat(logout.location()).startsWith(provider.url("/logout"));
            assertThat(query(logout.location())).containsEntry("id_token_hint", login.idToken())
                    .containsEntry("post_logout_redirect_uri", ORIGIN + "/app/");
            assertThat(logins.find(app.get(browser, "/"))).isEmpty();
            assertThat(navigate(browser, "/orders").location()).startsWith(provider.url("/authorize"));
        }

        @Test
        void logoutWhenNotSignedInThenPostLogoutPage() {
            TestExchange logout = handle(app.request(new TestBrowser(), "POST", "/satupintu/logout"));

            assertThat(logout.status()).isEqualTo(302);
            assertThat(logout.location()).isEqualTo(ORIGIN + "/app/");
        }

        @Test
        void logoutWhenAnotherSiteSentTheBrowserThenConfirmationPageAndStillSignedIn() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            TestExchange crossSite = handle(app.get(browser, "/satupintu/logout").header("Sec-Fetch-Site", "cross-site"));
            TestExchange foreignOrigin = handle(app.request(browser, "POST", "/satupintu/logout")
                    .header("Origin", "https://evil.example"));

            for (TestExchange refused : List.of(crossSite, foreignOrigin)) {
                assertThat(refused.status()).isEqualTo(200);
                assertThat(refused.body()).contains("<form method=\"post\" action=\"/app/satupintu/logout\"");
                assertThat(refused.responseHeader("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
            }
            assertThat(logins.find(app.get(browser, "/"))).isPresent();
        }

        @Test
        void logoutWhenConfirmedFromTheApplicationsOwnPageThenSignedOut() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            TestExchange confirmed = handle(app.request(browser, "POST", "/satupintu/logout")
                    .header("Sec-Fetch-Site", "same-origin").header("Origin", ORIGIN));

            assertThat(confirmed.status()).isEqualTo(302);
            assertThat(confirmed.location()).startsWith(provider.url("/logout"));
            assertThat(logins.find(app.get(browser, "/"))).isEmpty();
        }

        @Test
        void logoutWhenWrongMethodThen405() {
            assertThat(handle(app.request(new TestBrowser(), "DELETE", "/satupintu/logout")).status()).isEqualTo(405);
        }
    }

    @Nested
    class BackChannel {

        private TestExchange post(String logoutToken) {
            TestExchange exchange = app.request(new TestBrowser(), "POST", "/satupintu/backchannel-logout");
            if (logoutToken != null) {
                exchange.form("logout_token", logoutToken);
            }
            return handle(exchange);
        }

        @Test
        void logoutTokenWhenValidThen200NoStoreAndTheBrowsersLoginEnded() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            TestExchange exchange = post(provider.logoutToken().mint());

            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.responseHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(citizenAt(browser, "/public/help")).isNull();
            assertThat(navigate(browser, "/orders").location()).startsWith(provider.url("/authorize"));
        }

        @Test
        void logoutTokenWhenOtherSessionThenThisLoginStays() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            assertThat(post(provider.logoutToken().with("sid", "another-sid").mint()).status()).isEqualTo(200);

            assertThat(citizenAt(browser, "/orders")).isNotNull();
        }

        @Test
        void logoutTokenWhenInvalidThen400JsonWithoutEchoAndLoginKept() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");
            String forged = provider.logoutToken().badSignature().mint();

            TestExchange exchange = post(forged);

            assertThat(exchange.status()).isEqualTo(400);
            assertThat(exchange.contentType()).isEqualTo("application/json");
            assertThat(exchange.body()).contains("\"error\":\"invalid_request\"").doesNotContain(forged);
            assertThat(exchange.responseHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(citizenAt(browser, "/orders")).isNotNull();
        }

        @Test
        void logoutTokenWhenReplayedThen400() {
            String token = provider.logoutToken().mint();
            assertThat(post(token).status()).isEqualTo(200);

            assertThat(post(token).status()).isEqualTo(400);
        }

        @Test
        void logoutTokenWhenNonceOrMissingThen400() {
            assertThat(post(provider.logoutToken().with("nonce", "n").mint()).status()).isEqualTo(400);
            assertThat(post(null).status()).isEqualTo(400);
            assertThat(post("").status()).isEqualTo(400);
        }

        @Test
        void backChannelWhenGetThen405() {
            TestExchange exchange = handle(app.get(new TestBrowser(), "/satupintu/backchannel-logout"));

            assertThat(exchange.status()).isEqualTo(405);
            assertThat(exchange.responseHeader("Allow")).isEqualTo("POST");
        }
    }

    @Nested
    class FrontChannel {

        @Test
        void frontChannelWhenIssuerAndSidMatchThen200NoCacheAndLoginEnded() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            TestExchange exchange = navigate(new TestBrowser(), "/satupintu/frontchannel-logout?iss="
                    + java.net.URLEncoder.encode(provider.issuer(), StandardCharsets.UTF_8) + "&sid=sid-1");

            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.responseHeader("Cache-Control")).isEqualTo("no-cache, no-store");
            assertThat(citizenAt(browser, "/public/help")).isNull();
        }

        @Test
        void frontChannelWhenIssuerIsAnotherProviderThen400AndLoginKept() {
            TestBrowser browser = new TestBrowser();
            signIn(browser, "/");

            TestExchange exchange = navigate(new TestBrowser(),
                    "/satupintu/frontchannel-logout?iss=https%3A%2F%2Fevil.example&sid=sid-1");

            assertThat(exchange.status()).isEqualTo(400);
            assertThat(citizenAt(browser, "/orders")).isNotNull();
        }

        @Test
        void frontChannelWhenParametersMissingOrWrongMethodThenRefused() {
            assertThat(navigate(new TestBrowser(), "/satupintu/frontchannel-logout?sid=sid-1").status()).isEqualTo(400);
            assertThat(navigate(new TestBrowser(), "/satupintu/frontchannel-logout?iss="
                    + java.net.URLEncoder.encode(provider.issuer(), StandardCharsets.UTF_8)).status()).isEqualTo(400);
            assertThat(handle(app.request(new TestBrowser(), "POST", "/satupintu/frontchannel-logout")).status())
                    .isEqualTo(405);
        }
    }

    @Nested
    class StoreDown {

        /** A session store whose backend is down, as the Redis store reports it. */
        private final LoginRepository down = new LoginRepository() {
            private SatuPintuException unavailable() {
                return new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "Redis unavailable (test)");
            }

            @Override
            public void savePending(WebExchange exchange, PendingLogin pending) {
                throw unavailable();
            }

            @Override
            public java.util.Optional<PendingLogin> takePending(WebExchange exchange, String state) {
                throw unavailable();
            }

            @Override
            public java.util.Optional<Login> find(WebExchange exchange) {
                throw unavailable();
            }

            @Override
            public void save(WebExchange exchange, Login login) {
                throw unavailable();
            }

            @Override
            public void update(WebExchange exchange, Login login) {
                throw unavailable();
            }

            @Override
            public void remove(WebExchange exchange) {
                throw unavailable();
            }

            @Override
            public int end(id.satupintu.sdk.LogoutNotice notice) {
                throw unavailable();
            }
        };

        @Test
        void protectedPageWhenStoreDownThen503PageNotServerError() {
            SsoFlow broken = new SsoFlow(client, down);
            TestExchange exchange = app.get(new TestBrowser(), "/orders");

            assertThat(broken.handle(exchange).responded()).isTrue();
            assertThat(exchange.status()).isEqualTo(503);
            assertThat(exchange.contentType()).startsWith("text/html");
        }

        @Test
        void callbackAndLogoutWhenStoreDownThen503() {
            SsoFlow broken = new SsoFlow(client, down);
            TestExchange callback = app.get(new TestBrowser(), "/satupintu/callback?code=c&state=s");
            TestExchange logout = app.get(new TestBrowser(), "/satupintu/logout");

            broken.handle(callback);
            broken.handle(logout);

            assertThat(callback.status()).isEqualTo(503);
            assertThat(logout.status()).isEqualTo(503);
        }

        @Test
        void backChannelLogoutWhenStoreDownThen503SoTheProviderRetries() {
            SsoFlow broken = new SsoFlow(client, down);
            TestExchange exchange = app.request(new TestBrowser(), "POST", "/satupintu/backchannel-logout")
                    .form("logout_token", provider.logoutToken().mint());

            broken.handle(exchange);

            assertThat(exchange.status()).isEqualTo(503);
            assertThat(exchange.body()).contains("temporarily_unavailable");
        }
    }

    @Test
    void handleWhenSlowProviderThenStillAnswersWithinTimeout() {
        configure(Map.of("satupintu.http-timeout", "PT0.5S"));
        provider.slow("/.well-known/openid-configuration", Duration.ofSeconds(2));

        TestExchange exchange = navigate(new TestBrowser(), "/orders");

        assertThat(exchange.status()).isEqualTo(503);
    }
}
