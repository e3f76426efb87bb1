package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.testsupport.TestBrowser;
import id.satupintu.sdk.testsupport.TestClientKeys;
import id.satupintu.sdk.testsupport.TestJwt;
import id.satupintu.sdk.testsupport.TestProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization-code flow against a real provider over HTTP, and every way it must refuse. */
class LoginFlowTest {

    private static final String REDIRECT_URI = "http://127.0.0.1:1/app/satupintu/callback";

    @TempDir
    Path directory;

    private TestProvider provider;
    private SatuPintuClient client;

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        client = client(provider.clientProperties());
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static SatuPintuClient client(Map<String, String> properties) {
        return SatuPintuClient.create(SatuPintuConfig.from(properties));
    }

    private Login signIn() {
        return signIn(client);
    }

    private static Login signIn(SatuPintuClient client) {
        LoginStart start = client.startLogin(REDIRECT_URI, "/after");
        return client.completeLogin(start.pending(), CallbackParameters.from(TestBrowser.callback(start.authorizationUrl())));
    }

    private static Failure failureOf(Runnable action) {
        try {
            action.run();
        } catch (SatuPintuException e) {
            return e.failure();
        }
        throw new AssertionError("expected a SatuPintuException");
    }

    @Test
    void completeLoginWhenProviderAnswersCodeThenLoginWithValidatedClaimsAndUserinfo() {
        Login login = signIn();

        assertThat(login.subject()).isEqualTo("citizen-1");
        assertThat(login.sid()).isEqualTo("sid-1");
        assertThat(login.acr()).isEqualTo("urn:satupintu:loa:2");
        assertThat(login.refreshToken()).isNotBlank();
        assertThat(login.accessToken()).isNotBlank();
        assertThat(login.idToken()).isNotBlank();
        assertThat(login.accessTokenExpiresAt()).isBetween(Instant.now().plusSeconds(250), Instant.now().plusSeconds(301));
        assertThat(login.claims().string("name")).contains("Siti Aminah");
        assertThat(login.claims().strings("roles")).containsExactly("staff");
        assertThat(login.claims().string("iss")).contains(provider.issuer());
        assertThat(login.toString()).doesNotContain(login.accessToken()).doesNotContain(login.refreshToken());
    }

    @Test
    void startLoginWhenCalledThenAuthorizationRequestHasPkceS256FreshStateAndNonce() throws Exception {
        LoginStart first = client.startLogin(REDIRECT_URI, "/after");
        TestBrowser.authorize(first.authorizationUrl());
        Map<String, String> request = provider.lastAuthorizationRequest();
        LoginStart second = client.startLogin(REDIRECT_URI, "/after");

        String expectedChallenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                .getInstance("SHA-256").digest(first.pending().codeVerifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(request).containsEntry("response_type", "code")
                .containsEntry("client_id", TestProvider.CLIENT_ID)
                .containsEntry("redirect_uri", REDIRECT_URI)
                .containsEntry("scope", "openid profile")
                .containsEntry("state", first.pending().state())
                .containsEntry("nonce", first.pending().nonce())
                .containsEntry("code_challenge", expectedChallenge)
                .containsEntry("code_challenge_method", "S256")
                .doesNotContainKey("acr_values");
        // 256 random bits, base64url
        assertThat(first.pending().state()).hasSize(43);
        assertThat(first.pending().nonce()).hasSize(43).isNotEqualTo(first.pending().state());
        assertThat(second.pending().state()).isNotEqualTo(first.pending().state());
        assertThat(second.pending().codeVerifier()).isNotEqualTo(first.pending().codeVerifier());
        assertThat(first.pending().returnTo()).isEqualTo("/after");
    }

    @Test
    void startLoginWhenRequiredAcrConfiguredThenAcrValuesSent() {
        Map<String, String> properties = provider.clientProperties();
        properties.put("satupintu.required-acr", "urn:satupintu:loa:3");

        TestBrowser.authorize(client(properties).startLogin(REDIRECT_URI, "/").authorizationUrl());

        assertThat(provider.lastAuthorizationRequest()).containsEntry("acr_values", "urn:satupintu:loa:3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example",
            "evil", "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1"})
    void startLoginWhenReturnToIsNotAnApplicationPathThenRoot(String returnTo) {
        assertThat(client.startLogin(REDIRECT_URI, returnTo).pending().returnTo()).isEqualTo("/");
    }

    @Test
    void startLoginWhenReturnToIsAnApplicationPathThenKept() {
        assertThat(client.startLogin(REDIRECT_URI, "/cases/42?tab=2").pending().returnTo()).isEqualTo("/cases/42?tab=2");
        assertThat(client.startLogin(REDIRECT_URI, null).pending().returnTo()).isEqualTo("/");
    }

    @Test
    void startLoginWhenRedirectUriIsAPathThenConfigurationError() {
        assertThatThrownBy(() -> client.startLogin("/satupintu/callback", "/"))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION));
    }

    @Test
    void completeLoginWhenProviderAnswersErrorThenAuthorizationError() {
        provider.authorizationError("access_denied");
        LoginStart start = client.startLogin(REDIRECT_URI, "/");

        assertThatThrownBy(() -> client.completeLogin(start.pending(),
                CallbackParameters.from(TestBrowser.callback(start.authorizationUrl()))))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.AUTHORIZATION_ERROR))
                .hasMessageContaining("access_denied");
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void completeLoginWhenStateTamperedThenStateMismatchAndCodeNotExchanged() {
        LoginStart start = client.startLogin(REDIRECT_URI, "/");
        Map<String, String> callback = TestBrowser.authorize(start.authorizationUrl());

        Failure failure = failureOf(() -> client.completeLogin(start.pending(),
                new CallbackParameters(callback.get("code"), callback.get("state") + "x", callback.get("iss"), null, null)));

        assertThat(failure).isEqualTo(Failure.STATE_MISMATCH);
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void completeLoginWhenCallbackHasNoStateOrNoPendingLoginThenStateMismatch() {
        LoginStart start = client.startLogin(REDIRECT_URI, "/");
        Map<String, String> callback = TestBrowser.authorize(start.authorizationUrl());
        CallbackParameters genuine = CallbackParameters.from(callback::get);

        assertThat(failureOf(() -> client.completeLogin(null, genuine))).isEqualTo(Failure.STATE_MISMATCH);
        assertThat(failureOf(() -> client.completeLogin(start.pending(),
                new CallbackParameters(callback.get("code"), null, callback.get("iss"), null, null))))
                .isEqualTo(Failure.STATE_MISMATCH);
    }

    @Test
    void completeLoginWhenIssParameterNamesAnotherProviderThenIssuerMismatch() {
        provider.callbackIssuer("https://attacker.example");

        assertThat(failureOf(this::signIn)).isEqualTo(Failure.ISSUER_MISMATCH);
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void completeLoginWhenIssParameterAbsentAndProviderDoesNotPromiseItThenAccepted() {
        provider.callbackIssuer(null).advertiseCallbackIssuer(false);

        assertThat(signIn().subject()).isEqualTo("citizen-1");
    }

    @Test
    void completeLoginWhenIssParameterAbsentAndProviderPromisesItThenIssuerMismatch() {
        provider.callbackIssuer(null);

        assertThatThrownBy(this::signIn)
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ISSUER_MISMATCH))
                .hasMessageContaining("RFC 9207");
        assertThat(provider.tokenRequests()).isZero();
    }

    @Test
    void completeLoginWhenCodeReplayedThenCodeExchangeFailed() {
        LoginStart start = client.startLogin(REDIRECT_URI, "/");
        CallbackParameters callback = CallbackParameters.from(TestBrowser.callback(start.authorizationUrl()));
        client.completeLogin(start.pending(), callback);

        assertThatThrownBy(() -> client.completeLogin(start.pending(), callback))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CODE_EXCHANGE_FAILED))
                .hasMessageContaining("invalid_grant")
                .message().doesNotContain(callback.code());
    }

    @Test
    void completeLoginWhenClientSecretWrongThenCodeExchangeFailed() {
        Map<String, String> properties = provider.clientProperties();
        properties.put("satupintu.client-secret", "wrong");

        assertThatThrownBy(() -> signIn(client(properties)))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CODE_EXCHANGE_FAILED))
                .hasMessageContaining("invalid_client");
    }

    @Test
    void completeLoginWhenTokenEndpointFailsThenProviderUnavailable() {
        provider.fail("/token", 503);

        assertThat(failureOf(this::signIn)).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
    }

    @Test
    void completeLoginWhenTokenEndpointSlowerThanTimeoutThenProviderUnavailable() {
        Map<String, String> properties = provider.clientProperties();
        properties.put("satupintu.http-timeout", "PT0.3S");
        SatuPintuClient impatient = client(properties);
        provider.slow("/token", Duration.ofSeconds(2));

        long started = System.nanoTime();
        assertThat(failureOf(() -> signIn(impatient))).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void completeLoginWhenPrivateKeyJwtWithRsaThenProviderReceivesValidAssertion() {
        KeyPair pair = TestClientKeys.rsa();
        provider.clientPublicKey(pair.getPublic());
        Map<String, String> properties = provider.clientProperties();
        properties.remove("satupintu.client-secret");
        properties.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(pair, directory).toString());
        properties.put("satupintu.client-key-id", "agency-key-1");

        SatuPintuClient keyClient = client(properties);
        Login first = signIn(keyClient);
        Map<String, Object> firstAssertion = provider.lastTokenRequest().assertion();
        signIn(keyClient);
        Map<String, Object> secondAssertion = provider.lastTokenRequest().assertion();

        assertThat(first.subject()).isEqualTo("citizen-1");
        assertThat(provider.lastTokenRequest().authorization()).isNull();
        assertThat(firstAssertion).containsEntry("iss", TestProvider.CLIENT_ID).containsEntry("sub", TestProvider.CLIENT_ID)
                .containsEntry("alg", "RS256").containsEntry("kid", "agency-key-1");
        // RFC 7523 §3: aud is the issuer (the provider's check also accepts it in an array)
        assertThat(String.valueOf(firstAssertion.get("aud"))).contains(provider.issuer());
        long lifetime = ((Number) firstAssertion.get("exp")).longValue() - ((Number) firstAssertion.get("iat")).longValue();
        assertThat(lifetime).isEqualTo(60);
        assertThat(secondAssertion.get("jti")).isNotNull().isNotEqualTo(firstAssertion.get("jti"));
    }

    @Test
    void completeLoginWhenPrivateKeyJwtWithEcThenAccepted() {
        KeyPair pair = TestClientKeys.ec();
        provider.clientPublicKey(pair.getPublic());
        Map<String, String> properties = provider.clientProperties();
        properties.remove("satupintu.client-secret");
        properties.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(pair, directory).toString());
        properties.put("satupintu.client-key-algorithm", "ES256");

        assertThat(signIn(client(properties)).subject()).isEqualTo("citizen-1");
        assertThat(provider.lastTokenRequest().assertion()).containsEntry("alg", "ES256");
    }

    @Test
    void completeLoginWhenPrivateKeyNotTheRegisteredOneThenCodeExchangeFailed() {
        provider.clientPublicKey(TestClientKeys.rsa().getPublic());
        Map<String, String> properties = provider.clientProperties();
        properties.remove("satupintu.client-secret");
        properties.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(TestClientKeys.rsa(), directory).toString());

        assertThat(failureOf(() -> signIn(client(properties)))).isEqualTo(Failure.CODE_EXCHANGE_FAILED);
        assertThat(provider.lastTokenRequest().refusal()).isEqualTo("unreadable client assertion");
    }

    static Stream<Arguments> tamperedIdTokens() {
        byte[] secret = TestProvider.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("wrong issuer", (Consumer<TestJwt>) jwt -> jwt.with("iss", "https://other.example")),
                Arguments.of("wrong audience", (Consumer<TestJwt>) jwt -> jwt.with("aud", "other-client").without("azp")),
                Arguments.of("several audiences, no azp",
                        (Consumer<TestJwt>) jwt -> jwt.with("aud", List.of(TestProvider.CLIENT_ID, "other")).without("azp")),
                Arguments.of("azp another client", (Consumer<TestJwt>) jwt -> jwt.with("azp", "other-client")),
                Arguments.of("expired", (Consumer<TestJwt>) jwt -> jwt.at("exp", Instant.now().minusSeconds(120))),
                Arguments.of("no exp", (Consumer<TestJwt>) jwt -> jwt.without("exp")),
                Arguments.of("iat in the future", (Consumer<TestJwt>) jwt -> jwt.at("iat", Instant.now().plusSeconds(600))),
                Arguments.of("no iat", (Consumer<TestJwt>) jwt -> jwt.without("iat")),
                Arguments.of("no sub", (Consumer<TestJwt>) jwt -> jwt.without("sub")),
                Arguments.of("bad signature", (Consumer<TestJwt>) TestJwt::badSignature),
                Arguments.of("unknown kid", (Consumer<TestJwt>) jwt -> jwt.keyId("never-published")),
                Arguments.of("alg none", (Consumer<TestJwt>) TestJwt::unsigned),
                Arguments.of("HS256 with the client secret", (Consumer<TestJwt>) jwt -> jwt.hs256(secret)),
                Arguments.of("no nonce", (Consumer<TestJwt>) jwt -> jwt.without("nonce")),
                Arguments.of("another nonce", (Consumer<TestJwt>) jwt -> jwt.with("nonce", "replayed-nonce")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedIdTokens")
    void completeLoginWhenIdTokenTamperedThenIdTokenInvalid(String variant, Consumer<TestJwt> tweak) {
        provider.idTokens(tweak);

        assertThatThrownBy(this::signIn)
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ID_TOKEN_INVALID))
                .message().doesNotContain("eyJ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void completeLoginWhenIdTokenSignedWithAdvertisedAlgorithmThenAccepted(String algorithm) {
        provider.idTokenAlgorithm(algorithm);

        assertThat(signIn().subject()).isEqualTo("citizen-1");
    }

    @Test
    void completeLoginWhenIdTokenAlgorithmNotAdvertisedThenIdTokenInvalid() {
        provider.advertisedAlgorithms(List.of("ES256"));

        assertThatThrownBy(this::signIn)
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ID_TOKEN_INVALID))
                .hasMessageContaining("RS256");
    }

    @Test
    void completeLoginWhenRequiredAcrNotReachedThenIdTokenInvalid() {
        Map<String, String> properties = provider.clientProperties();
        properties.put("satupintu.required-acr", "urn:satupintu:loa:3");

        assertThatThrownBy(() -> signIn(client(properties)))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ID_TOKEN_INVALID))
                .hasMessageContaining("acr");
    }

    @Test
    void completeLoginWhenRequiredAcrReachedThenLoginCarriesIt() {
        Map<String, String> properties = provider.clientProperties();
        properties.put("satupintu.required-acr", "urn:satupintu:loa:3");
        provider.acr("urn:satupintu:loa:3");

        assertThat(signIn(client(properties)).acr()).isEqualTo("urn:satupintu:loa:3");
    }

    @Test
    void completeLoginWhenProviderRotatedKeysThenJwksRefreshedOnceAndLoginAccepted() {
        signIn();
        int fetchesBefore = provider.jwksFetches();
        provider.rotateKeys();

        assertThat(signIn().subject()).isEqualTo("citizen-1");
        assertThat(provider.jwksFetches()).isEqualTo(fetchesBefore + 1);
    }

    @Test
    void completeLoginWhenUserinfoNamesAnotherSubjectThenIdTokenInvalid() {
        provider.userInfo(Map.of("sub", "someone-else", "name", "Mallory"));

        assertThatThrownBy(this::signIn)
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.ID_TOKEN_INVALID))
                .hasMessageContaining("§5.3.4");
    }

    @Test
    void completeLoginWhenUserinfoFailsThenProviderUnavailable() {
        provider.fail("/userinfo", 500);

        assertThat(failureOf(this::signIn)).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
    }

    @Test
    void refreshWhenRefreshTokenValidThenNewTokensRotatedRefreshTokenAndSameSubject() {
        Login login = signIn();

        Login refreshed = client.refresh(login);

        assertThat(refreshed.subject()).isEqualTo(login.subject());
        assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(login.refreshToken());
        assertThat(refreshed.idToken()).isNotEqualTo(login.idToken());
        assertThat(refreshed.signedInAt()).isEqualTo(login.signedInAt());
        assertThat(refreshed.claims().string("name")).contains("Siti Aminah");
        assertThat(provider.lastTokenRequest().parameters()).containsEntry("grant_type", "refresh_token");
    }

    @Test
    void refreshWhenOldRefreshTokenReusedThenRefreshFailed() {
        Login login = signIn();
        client.refresh(login);

        assertThatThrownBy(() -> client.refresh(login))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.REFRESH_FAILED))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void refreshWhenNewIdTokenNamesAnotherSubjectThenRefreshFailed() {
        Login login = signIn();
        provider.idTokens(jwt -> jwt.with("sub", "someone-else"));

        assertThat(failureOf(() -> client.refresh(login))).isEqualTo(Failure.REFRESH_FAILED);
    }

    @Test
    void refreshWhenLoginHasNoRefreshTokenThenRefreshFailed() {
        Login login = signIn();
        Login withoutRefresh = new Login(login.subject(), login.sid(), login.idToken(), login.accessToken(),
                login.accessTokenExpiresAt(), null, login.claims(), login.acr(), login.signedInAt());

        assertThat(failureOf(() -> client.refresh(withoutRefresh))).isEqualTo(Failure.REFRESH_FAILED);
    }

    @Test
    void userInfoWhenAccessTokenValidThenProviderClaims() {
        Login login = signIn();

        assertThat(client.userInfo(login).string("name")).contains("Siti Aminah");
    }

    @Test
    void userInfoWhenAccessTokenUnknownThenAccessTokenInvalid() {
        Login login = signIn();
        Login forged = new Login(login.subject(), login.sid(), login.idToken(), "forged", login.accessTokenExpiresAt(),
                null, login.claims(), login.acr(), login.signedInAt());

        assertThat(failureOf(() -> client.userInfo(forged))).isEqualTo(Failure.ACCESS_TOKEN_INVALID);
    }

    @Test
    void logoutUrlWhenLoginGivenThenEndSessionUrlWithHintClientRedirectAndState() {
        Login login = signIn();

        URI url = client.logoutUrl(login, "https://app.example/bye", "st-1");

        assertThat(url.toString()).startsWith(provider.url("/logout?"));
        assertThat(TestBrowser.authorize(url)).containsEntry("state", "st-1");
        assertThat(provider.lastLogoutRequest()).containsEntry("id_token_hint", login.idToken())
                .containsEntry("client_id", TestProvider.CLIENT_ID)
                .containsEntry("post_logout_redirect_uri", "https://app.example/bye");
    }

    @Test
    void createWhenProviderDownThenClientCreatedAndSignInStartFailsWithProviderUnavailable() {
        provider.fail("/.well-known/openid-configuration", 503);

        SatuPintuClient lazy = client(provider.clientProperties());

        assertThat(failureOf(() -> lazy.startLogin(REDIRECT_URI, "/"))).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
        assertThat(failureOf(lazy::provider)).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
        provider.recover();
        assertThat(lazy.provider().issuer()).hasToString(provider.issuer());
    }

    @Test
    void completeLoginWhenNoClientCredentialConfiguredThenConfigurationError() {
        Map<String, String> properties = provider.clientProperties();
        properties.remove("satupintu.client-secret");

        assertThatThrownBy(() -> signIn(client(properties)))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu.client-secret");
    }

    @Test
    void completeLoginWhenUserinfoAnswerHugeThenProviderUnavailable() {
        provider.userInfo(Map.of("blob", "x".repeat(2 * 1024 * 1024)));

        assertThatThrownBy(this::signIn)
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .hasMessageContaining("larger than");
    }
}
