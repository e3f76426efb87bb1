package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.testsupport.TestJwt;
import id.satupintu.sdk.testsupport.TestProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.6), each rule's refusal asserted. */
class LogoutTokenTest {

    private TestProvider provider;
    private SatuPintuClient client;

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        client = SatuPintuClient.create(SatuPintuConfig.from(provider.clientProperties()));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void validateLogoutTokenWhenValidThenNoticeWithSubjectAndSid() {
        LogoutNotice notice = client.validateLogoutToken(provider.logoutToken().mint());

        assertThat(notice).isEqualTo(new LogoutNotice("citizen-1", "sid-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "logout+jwt", "application/logout+jwt"})
    void validateLogoutTokenWhenTypIsLogoutOrPlainJwtThenAccepted(String type) {
        assertThat(client.validateLogoutToken(provider.logoutToken().type(type).mint()).sid()).isEqualTo("sid-1");
    }

    @Test
    void validateLogoutTokenWhenNoTypThenAccepted() {
        assertThat(client.validateLogoutToken(provider.logoutToken().type(null).mint()).sid()).isEqualTo("sid-1");
    }

    @Test
    void validateLogoutTokenWhenOnlySidOrOnlySubThenNoticeCarriesIt() {
        assertThat(client.validateLogoutToken(provider.logoutToken().without("sub").mint()))
                .isEqualTo(new LogoutNotice(null, "sid-1"));
        assertThat(client.validateLogoutToken(provider.logoutToken().without("sid").mint()))
                .isEqualTo(new LogoutNotice("citizen-1", null));
    }

    @Test
    void validateLogoutTokenWhenSignedWithEs256ThenAccepted() {
        assertThat(client.validateLogoutToken(provider.logoutToken().algorithm("ES256").mint()).sid()).isEqualTo("sid-1");
    }

    @Test
    void validateLogoutTokenWhenJtiReplayedThenLogoutTokenReplayed() {
        String token = provider.logoutToken().mint();
        client.validateLogoutToken(token);

        assertThatThrownBy(() -> client.validateLogoutToken(token))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.LOGOUT_TOKEN_REPLAYED));
    }

    @Test
    void validateLogoutTokenWhenRefusedForAnotherReasonThenJtiNotUsedUp() {
        TestJwt token = provider.logoutToken().with("jti", "jti-kept");
        String wrongAudience = provider.logoutToken().with("jti", "jti-kept").with("aud", "other").mint();

        assertThatThrownBy(() -> client.validateLogoutToken(wrongAudience)).isInstanceOf(SatuPintuException.class);
        assertThat(client.validateLogoutToken(token.mint()).sid()).isEqualTo("sid-1");
    }

    @Test
    void validateLogoutTokenWhenReplayCacheGivenThenItIsConsulted() {
        Map<String, Instant> seen = new java.util.concurrent.ConcurrentHashMap<>();
        ReplayCache cache = (value, expiresAt) -> seen.putIfAbsent(value, expiresAt) == null;
        SatuPintuClient clustered = SatuPintuClient.create(SatuPintuConfig.from(provider.clientProperties()), cache);

        clustered.validateLogoutToken(provider.logoutToken().with("jti", "j-1").mint());

        assertThat(seen).containsKey("j-1");
        assertThat(seen.get("j-1")).isBetween(Instant.now(), Instant.now().plusSeconds(400));
    }

    static Stream<Arguments> invalidLogoutTokens() {
        byte[] secret = TestProvider.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("nonce present", (UnaryOperator<TestJwt>) jwt -> jwt.with("nonce", "n")),
                Arguments.of("events missing", (UnaryOperator<TestJwt>) jwt -> jwt.without("events")),
                Arguments.of("events without the back-channel member",
                        (UnaryOperator<TestJwt>) jwt -> jwt.with("events", Map.of("urn:other", Map.of()))),
                Arguments.of("back-channel member not an object",
                        (UnaryOperator<TestJwt>) jwt -> jwt.with("events", Map.of(TestProvider.BACKCHANNEL_EVENT, "yes"))),
                Arguments.of("neither sid nor sub", (UnaryOperator<TestJwt>) jwt -> jwt.without("sid").without("sub")),
                Arguments.of("no jti", (UnaryOperator<TestJwt>) jwt -> jwt.without("jti")),
                Arguments.of("wrong audience", (UnaryOperator<TestJwt>) jwt -> jwt.with("aud", "other-client")),
                Arguments.of("wrong issuer", (UnaryOperator<TestJwt>) jwt -> jwt.with("iss", "https://other.example")),
                Arguments.of("expired", (UnaryOperator<TestJwt>) jwt -> jwt.at("exp", Instant.now().minusSeconds(120))),
                Arguments.of("issued long ago", (UnaryOperator<TestJwt>) jwt -> jwt.at("iat", Instant.now().minusSeconds(3600))
                        .without("exp")),
                Arguments.of("issued in the future", (UnaryOperator<TestJwt>) jwt -> jwt.at("iat", Instant.now().plusSeconds(600))),
                Arguments.of("no iat", (UnaryOperator<TestJwt>) jwt -> jwt.without("iat")),
                Arguments.of("typ of an access token", (UnaryOperator<TestJwt>) jwt -> jwt.type("at+jwt")),
                Arguments.of("bad signature", (UnaryOperator<TestJwt>) TestJwt::badSignature),
                Arguments.of("alg none", (UnaryOperator<TestJwt>) TestJwt::unsigned),
                Arguments.of("HS256", (UnaryOperator<TestJwt>) jwt -> jwt.hs256(secret)),
                Arguments.of("unknown kid", (UnaryOperator<TestJwt>) jwt -> jwt.keyId("nobody")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidLogoutTokens")
    void validateLogoutTokenWhenRuleBrokenThenLogoutTokenInvalid(String variant, UnaryOperator<TestJwt> breakIt) {
        String token = breakIt.apply(provider.logoutToken()).mint();

        assertThatThrownBy(() -> client.validateLogoutToken(token))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.LOGOUT_TOKEN_INVALID))
                .message().doesNotContain(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-jwt", "a.b.c"})
    void validateLogoutTokenWhenNotAJwtThenLogoutTokenInvalid(String token) {
        assertThatThrownBy(() -> client.validateLogoutToken(token))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.LOGOUT_TOKEN_INVALID));
    }

    @Test
    void validateLogoutTokenWhenIdTokenSentInsteadThenLogoutTokenInvalid() {
        String idToken = provider.idToken().with("nonce", "n-1").mint();

        assertThatThrownBy(() -> client.validateLogoutToken(idToken))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.LOGOUT_TOKEN_INVALID));
    }
}
