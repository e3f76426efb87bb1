package id.satupintu.conformance.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.satupintu.conformance.ConformanceTest;
import id.satupintu.conformance.harness.AuthorizationResponse;
import id.satupintu.conformance.harness.Browser;
import id.satupintu.conformance.harness.Citizen;
import id.satupintu.conformance.harness.ClientSpec;
import id.satupintu.conformance.harness.Page;
import id.satupintu.conformance.harness.TestClient;
import id.satupintu.conformance.harness.logout.LogoutTokenReceiver;
import id.satupintu.conformance.sdk.core.TestClientKeys.ClientKey;
import id.satupintu.sdk.CallbackParameters;
import id.satupintu.sdk.Claims;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.Login;
import id.satupintu.sdk.LoginStart;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;

/**
 * The SDK's framework-free core ({@link SatuPintuClient}, {@link AccessTokenVerifier}) against the real
 * provider, without an adapter in between: sign-in, refresh, userinfo and the end-session URL; ID tokens
 * signed RS256, PS256 and ES256 validated through the SDK's JWKS cache; pairwise subjects; access-token
 * verification; a real back-channel logout token; and the refusals the real provider provokes (replayed
 * code, tampered state, wrong client credential, wrong issuer, replayed logout token).
 *
 * <p>{@code private_key_jwt} uses keys the test generates and registers inline (RSA and EC). This test found
 * that the SDK sent no {@code client_id} beside its client assertion, which the provider (Spring Authorization
 * Server) requires; the other tests use {@code client_secret_basic}.
 */
@DisplayName("SDK core against the real provider")
class SdkCoreInteropTest extends ConformanceTest {

    private static final Duration LOGOUT_WAIT = Duration.ofSeconds(15);
    private static final String SCOPES = "openid profile offline_access";

    @TempDir
    static Path keyDirectory;

    private static String redirectUri;
    private static String postLogoutUri;
    private static ProviderSignIn provider;

    private final LogoutTokenReceiver receiver = new LogoutTokenReceiver();

    @BeforeAll
    static void prepare() {
        redirectUri = harness.clients().callback("/sdk-core/callback");
        postLogoutUri = harness.clients().callback("/sdk-core/signed-out");
        provider = new ProviderSignIn(harness);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    // ----- the whole life of a login -----

    @Test
    @DisplayName("client_secret_basic: sign-in, refresh, userinfo and logout URL through the SDK core")
    void completeLoginWhenClientSecretBasicThenLoginRefreshUserInfoAndLogoutUrl() {
        TestClient registered = registerClient(secretClient());

        assertWholeLogin(SatuPintuClient.create(secretConfig(registered)), registered.clientId());
    }

    @ParameterizedTest(name = "client key {0}")
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    @DisplayName("private_key_jwt (key registered inline): sign-in, refresh, userinfo and logout URL through the SDK core")
    void completeLoginWhenPrivateKeyJwtRegisteredInlineThenLoginRefreshUserInfoAndLogoutUrl(String keyAlgorithm) {
        ClientKey key = TestClientKeys.forAlgorithm(keyAlgorithm);
        TestClient registered = registerClient(privateKeyJwtClient(key));

        assertWholeLogin(SatuPintuClient.create(keyConfig(registered.clientId(), key)), registered.clientId());
    }

    /** Signs Siti in, refreshes, reads userinfo and builds the logout URL, checking each against the provider. */
    private static void assertWholeLogin(SatuPintuClient client, String clientId) {
        Login login = signIn(client, newBrowser());

        assertThat(login.subject()).as("sub").isNotBlank().doesNotContain(Citizen.SITI.nik());
        assertThat(login.sid()).as("sid").isNotBlank();
        assertThat(login.acr()).as("acr").isNotBlank();
        assertThat(login.refreshToken()).as("refresh token (offline_access, refresh_token grant)").isNotNull();
        assertThat(login.claims().string("name")).as("name claim").contains(Citizen.SITI.name());
        assertThat(login.claims().string("sub")).contains(login.subject());

        Login refreshed = client.refresh(login);
        assertThat(refreshed.subject()).isEqualTo(login.subject());
        // tokens compared as booleans: a failure message must not print them
        assertThat(refreshed.accessToken()).as("refreshed access token").isNotBlank();
        assertThat(refreshed.accessToken().equals(login.accessToken())).as("refresh gave the same access token").isFalse();
        assertThat(refreshed.sid()).isEqualTo(login.sid());
        VerifiedAccessToken access = client.accessTokenVerifier().verify(refreshed.accessToken());
        assertThat(access.subject()).as("refreshed access token sub").isEqualTo(login.subject());

        Claims userInfo = client.userInfo(refreshed);
        assertThat(userInfo.string("sub")).contains(login.subject());
        assertThat(userInfo.string("name")).contains(Citizen.SITI.name());

        URI logout = client.logoutUrl(refreshed, postLogoutUri, "st-1");
        URI endSession = harness.discovery().endSessionEndpoint();
        assertThat(logout.getScheme() + "://" + logout.getRawAuthority() + logout.getRawPath())
                .isEqualTo(endSession.toString());
        Map<String, String> parameters = AuthorizationResponse.from(logout).parameters();
        assertThat(refreshed.idToken().equals(parameters.get("id_token_hint"))).as("id_token_hint is the login's ID token")
                .isTrue();
        assertThat(parameters).containsEntry("client_id", clientId)
                .containsEntry("post_logout_redirect_uri", postLogoutUri)
                .containsEntry("state", "st-1");
    }

    @Test
    @DisplayName("pairwise subjects: the same citizen has one sub per agency, another in another agency")
    void completeLoginWhenClientsOfTwoAgenciesThenSubjectsDiffer() {
        TestClient kependudukan = registerClient(secretClient());
        TestClient pajak = registerClient(secretClient().agency(ClientSpec.AGENCY_PAJAK));

        Login first = signIn(SatuPintuClient.create(secretConfig(kependudukan)), newBrowser());
        Login again = signIn(SatuPintuClient.create(secretConfig(kependudukan)), newBrowser());
        Login second = signIn(SatuPintuClient.create(secretConfig(pajak)), newBrowser());

        assertThat(again.subject()).as("sub at the same client again").isEqualTo(first.subject());

        assertThat(second.subject()).as("sub in another agency").isNotEqualTo(first.subject());
    }

    // ----- ID token algorithms through the SDK's JWKS cache -----

    @ParameterizedTest(name = "ID token {0}")
    @ValueSource(strings = {"PS256", "ES256"})
    @DisplayName("ID tokens signed PS256 or ES256 (id_token_signed_response_alg) are validated by the SDK")
    void completeLoginWhenIdTokenAlgRegisteredThenSdkValidatesIt(String idTokenAlg) throws ParseException {
        TestClient registered = registerClient(secretClient().idTokenAlg(idTokenAlg));
        SatuPintuClient client = SatuPintuClient.create(secretConfig(registered));

        Login login = signIn(client, newBrowser());

        assertThat(SignedJWT.parse(login.idToken()).getHeader().getAlgorithm().getName()).isEqualTo(idTokenAlg);
        assertThat(login.subject()).isNotBlank();
        Login refreshed = client.refresh(login);
        assertThat(refreshed.subject()).isEqualTo(login.subject());
        if (!refreshed.idToken().equals(login.idToken())) {
            assertThat(SignedJWT.parse(refreshed.idToken()).getHeader().getAlgorithm().getName()).isEqualTo(idTokenAlg);
        }
    }

    // ----- refusals the real provider provokes -----

    @Test
    @DisplayName("the callback replayed with a new pending login of the same state: the code is refused")
    void completeLoginWhenCallbackReplayedThenCodeExchangeFailed() {
        SatuPintuClient client = SatuPintuClient.create(secretConfig(registerClient(secretClient())));
        LoginStart start = client.startLogin(redirectUri, "/");
        CallbackParameters callback = ProviderSignIn.parameters(
                provider.untilCallback(newBrowser(), start.authorizationUrl(), Citizen.SITI));
        client.completeLogin(start.pending(), callback);

        PendingLogin copy = new PendingLogin(start.pending().state(), start.pending().nonce(),
                start.pending().codeVerifier(), start.pending().redirectUri(), start.pending().returnTo(),
                start.pending().startedAt());

        assertThatThrownBy(() -> client.completeLogin(copy, callback))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CODE_EXCHANGE_FAILED);
                    assertThat(e.getMessage()).contains("invalid_grant");
                });
    }

    @Test
    @DisplayName("a tampered state is refused before the code is spent; the genuine callback still signs in")
    void completeLoginWhenStateTamperedThenStateMismatchAndCodeUnspent() {
        SatuPintuClient client = SatuPintuClient.create(secretConfig(registerClient(secretClient())));
        LoginStart start = client.startLogin(redirectUri, "/");
        CallbackParameters callback = ProviderSignIn.parameters(
                provider.untilCallback(newBrowser(), start.authorizationUrl(), Citizen.SITI));
        CallbackParameters tampered = new CallbackParameters(callback.code(), callback.state() + "x",
                callback.issuer(), null, null);

        assertFailure(() -> client.completeLogin(start.pending(), tampered), Failure.STATE_MISMATCH);
        assertThat(client.completeLogin(start.pending(), callback).subject()).isNotBlank();
    }

    @Test
    @DisplayName("a client secret the provider did not issue: the code exchange is refused")
    void completeLoginWhenClientSecretWrongThenCodeExchangeFailed() {
        TestClient registered = registerClient(secretClient());
        SatuPintuClient client = SatuPintuClient.create(secretConfig(registered.withSecret(registered.clientSecret() + "x")));
        LoginStart start = client.startLogin(redirectUri, "/");
        CallbackParameters callback = ProviderSignIn.parameters(
                provider.untilCallback(newBrowser(), start.authorizationUrl(), Citizen.SITI));

        assertThatThrownBy(() -> client.completeLogin(start.pending(), callback))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CODE_EXCHANGE_FAILED);
                    assertThat(e.getMessage()).contains("invalid_client");
                });
    }

    @Test
    @DisplayName("a client assertion signed with a key the provider never saw: the code exchange is refused")
    void completeLoginWhenSignedWithUnregisteredKeyThenCodeExchangeFailed() {
        ClientKey key = TestClientKeys.rsa("RS256");
        TestClient registered = registerClient(privateKeyJwtClient(key));
        SatuPintuClient client = SatuPintuClient.create(keyConfig(registered.clientId(), key.impostor()));
        LoginStart start = client.startLogin(redirectUri, "/");
        CallbackParameters callback = ProviderSignIn.parameters(
                provider.untilCallback(newBrowser(), start.authorizationUrl(), Citizen.SITI));

        assertThatThrownBy(() -> client.completeLogin(start.pending(), callback))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.CODE_EXCHANGE_FAILED);
                    assertThat(e.getMessage()).contains("invalid_client");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"another path", "another port", "another host name"})
    @DisplayName("an issuer the provider does not answer as: provider unavailable, no sign-in starts")
    void startLoginWhenIssuerIsNotTheProvidersThenProviderUnavailable(String variant) {
        URI issuer = harness.server().issuer();
        String configured = switch (variant) {
            // discovery under the path answers 404
            case "another path" -> issuer + "/tenant";
            // nobody listens there
            case "another port" -> harness.clients().callback("");
            // the same server, whose discovery names its own issuer (localhost), not this one
            default -> "http://127.0.0.1:" + issuer.getPort();
        };
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("satupintu.issuer", configured);
        properties.put("satupintu.client-id", "sdk-core-nobody");
        properties.put("satupintu.client-secret", "unused-" + variant.length());
        SatuPintuClient client = SatuPintuClient.create(SatuPintuConfig.from(properties));

        assertFailure(() -> client.startLogin(redirectUri, "/"), Failure.PROVIDER_UNAVAILABLE);
        assertFailure(client::provider, Failure.PROVIDER_UNAVAILABLE);
    }

    @Test
    @DisplayName("AccessTokenVerifier accepts the real access token for the client's audience, refuses it for another")
    void verifyWhenRealAccessTokenThenAcceptedForClientAudienceOnly() {
        TestClient registered = registerClient(secretClient());
        Login login = signIn(SatuPintuClient.create(secretConfig(registered)), newBrowser());
        URI issuer = harness.server().issuer();

        VerifiedAccessToken verified = AccessTokenVerifier.create(issuer, List.of(registered.clientId()),
                Duration.ofSeconds(60), Duration.ofSeconds(5)).verify(login.accessToken());
        AccessTokenVerifier otherApi = AccessTokenVerifier.create(issuer, List.of("another-api"),
                Duration.ofSeconds(60), Duration.ofSeconds(5));

        assertThat(verified.subject()).isEqualTo(login.subject());
        assertThat(verified.audiences()).contains(registered.clientId());
        assertThat(verified.hasScope("openid")).as("scope openid").isTrue();
        assertFailure(() -> otherApi.verify(login.accessToken()), Failure.ACCESS_TOKEN_INVALID);
        assertFailure(() -> otherApi.verify(login.idToken()), Failure.ACCESS_TOKEN_INVALID);
    }

    @Test
    @DisplayName("back-channel logout: the real logout token names the login's sid; the same token again is a replay")
    void validateLogoutTokenWhenRealLogoutTokenThenNoticeWithSidAndReplayRefused() throws InterruptedException {
        TestClient registered = registerClient(secretClient().set("backchannel_logout_uri", receiver.uri()));
        SatuPintuClient client = SatuPintuClient.create(secretConfig(registered));
        Browser browser = newBrowser();
        Login login = signIn(client, browser);

        Page signedOut = ProviderSignIn.signOut(browser, client.logoutUrl(login, postLogoutUri, "bye"));

        assertThat(signedOut.leftServer()).as("redirect to post_logout_redirect_uri: " + signedOut).isTrue();
        AuthorizationResponse back = AuthorizationResponse.from(signedOut.location().orElseThrow());
        assertThat(back.target()).isEqualTo(postLogoutUri);
        assertThat(back.state()).isEqualTo("bye");
        List<LogoutTokenReceiver.Received> received = receiver.awaitReceived(1, LOGOUT_WAIT);
        assertThat(received).as("logout tokens received").hasSize(1);
        String logoutToken = received.get(0).logoutToken();

        LogoutNotice notice = client.validateLogoutToken(logoutToken);

        assertThat(notice.sid()).as("sid").isEqualTo(login.sid());
        assertThat(notice.subject()).as("sub").isIn(null, login.subject());
        assertFailure(() -> client.validateLogoutToken(logoutToken), Failure.LOGOUT_TOKEN_REPLAYED);
    }

    // ----- helpers -----

    /** A confidential code-flow client with {@code private_key_jwt} and its key's public half inline. */
    private static ClientSpec privateKeyJwtClient(ClientKey key) {
        return ClientSpec.confidential()
                .authMethod("private_key_jwt")
                .set("token_endpoint_auth_signing_alg", key.algorithm())
                .set("jwks", key.publicJwks())
                .redirectUris(redirectUri)
                .postLogoutRedirectUris(postLogoutUri);
    }

    /** A confidential code-flow client with {@code client_secret_basic} (the server generates the secret). */
    private static ClientSpec secretClient() {
        return ClientSpec.confidential().redirectUris(redirectUri).postLogoutRedirectUris(postLogoutUri);
    }

    private static SatuPintuConfig secretConfig(TestClient registered) {
        Map<String, String> properties = baseConfig(registered.clientId());
        properties.put("satupintu.client-secret", registered.clientSecret());
        return SatuPintuConfig.from(properties);
    }

    /** {@code satupintu.client-key} is a PKCS#8 PEM file the test writes to a temporary folder. */
    private static SatuPintuConfig keyConfig(String clientId, ClientKey key) {
        Map<String, String> properties = baseConfig(clientId);
        properties.put("satupintu.client-key", key.writePem(keyDirectory).toString());
        properties.put("satupintu.client-key-id", key.keyId());
        properties.put("satupintu.client-key-algorithm", key.algorithm());
        return SatuPintuConfig.from(properties);
    }

    private static Map<String, String> baseConfig(String clientId) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("satupintu.issuer", harness.server().issuer().toString());
        properties.put("satupintu.client-id", clientId);
        properties.put("satupintu.redirect-uri", redirectUri);
        properties.put("satupintu.scopes", SCOPES);
        return properties;
    }

    /** Starts a login with the SDK, signs Siti in at the provider and completes the login with the callback. */
    private static Login signIn(SatuPintuClient client, Browser browser) {
        LoginStart start = client.startLogin(redirectUri, "/");
        URI callback = provider.untilCallback(browser, start.authorizationUrl(), Citizen.SITI);
        assertThat(AuthorizationResponse.from(callback).isAddressedTo(redirectUri)).as("redirected to " + callback.getPath())
                .isTrue();
        return client.completeLogin(start.pending(), ProviderSignIn.parameters(callback));
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Failure failure) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SatuPintuException.class,
                e -> assertThat(e.failure()).as("failure: " + e.getMessage()).isEqualTo(failure));
    }
}
