package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.testsupport.TestJwt;
import id.satupintu.sdk.testsupport.TestProvider;
import id.satupintu.sdk.token.AccessTokenVerifier;
import id.satupintu.sdk.token.VerifiedAccessToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer JWT access tokens (RFC 9068) for an API, against the provider's real JWKS endpoint. */
class AccessTokenVerifierTest {

    private static final Duration SKEW = Duration.ofSeconds(60);
    /** The configuration's default, so that the client in the sharing test uses the same connection. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TestProvider provider;
    private AccessTokenVerifier verifier;

    @BeforeEach
    void start() {
        provider = TestProvider.start();
        verifier = AccessTokenVerifier.create(URI.create(provider.issuer()), List.of(TestProvider.CLIENT_ID, "api-2"),
                SKEW, TIMEOUT);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static Failure failureOf(Runnable action) {
        try {
            action.run();
        } catch (SatuPintuException e) {
            return e.failure();
        }
        throw new AssertionError("expected a SatuPintuException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void verifyWhenTokenValidThenSubjectClientScopesAndClaims(String algorithm) {
        VerifiedAccessToken token = verifier.verify(provider.accessToken().algorithm(algorithm).with("scope", "openid pajak:read")
                .with("nik_hash", "h").mint());

        assertThat(token.subject()).isEqualTo("citizen-1");
        assertThat(token.clientId()).isEqualTo(TestProvider.CLIENT_ID);
        assertThat(token.scopes()).containsExactlyInAnyOrder("openid", "pajak:read");
        assertThat(token.hasScope("pajak:read")).isTrue();
        assertThat(token.audiences()).containsExactly(TestProvider.CLIENT_ID);
        assertThat(token.expiresAt()).isAfter(Instant.now());
        assertThat(token.claims().string("nik_hash")).contains("h");
    }

    @Test
    void verifyWhenScopeIsArrayOfStringsThenScopesRead() {
        VerifiedAccessToken token = verifier.verify(provider.accessToken().with("scope", List.of("openid", "pajak:read")).mint());

        assertThat(token.scopes()).containsExactlyInAnyOrder("openid", "pajak:read");
    }

    @Test
    void verifyWhenScopeIsNeitherStringNorStringArrayThenRefused() {
        assertThat(failureOf(() -> verifier.verify(provider.accessToken().with("scope", List.of("openid", 7)).mint())))
                .isEqualTo(Failure.ACCESS_TOKEN_INVALID);
        assertThat(failureOf(() -> verifier.verify(provider.accessToken().with("scope", 7).mint())))
                .isEqualTo(Failure.ACCESS_TOKEN_INVALID);
    }

    @Test
    void verifyWhenAudienceListIntersectsAcceptedThenAccepted() {
        VerifiedAccessToken token = verifier.verify(provider.accessToken().with("aud", List.of("api-9", "api-2")).mint());

        assertThat(token.audiences()).containsExactly("api-9", "api-2");
    }

    @Test
    void verifyWhenNoClientIdThenAzpUsed() {
        assertThat(verifier.verify(provider.accessToken().without("client_id").with("azp", "spa").mint()).clientId())
                .isEqualTo("spa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "at+jwt", "application/at+jwt"})
    void verifyWhenTypIsAccessTokenOrPlainJwtThenAccepted(String type) {
        assertThat(verifier.verify(provider.accessToken().type(type).mint()).subject()).isEqualTo("citizen-1");
    }

    static Stream<Arguments> invalidAccessTokens() {
        byte[] secret = TestProvider.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("wrong issuer", (UnaryOperator<TestJwt>) jwt -> jwt.with("iss", "https://other.example")),
                Arguments.of("audience of another API", (UnaryOperator<TestJwt>) jwt -> jwt.with("aud", "api-9")),
                Arguments.of("no audience", (UnaryOperator<TestJwt>) jwt -> jwt.without("aud")),
                Arguments.of("expired", (UnaryOperator<TestJwt>) jwt -> jwt.at("exp", Instant.now().minusSeconds(61 + 60))),
                Arguments.of("no exp", (UnaryOperator<TestJwt>) jwt -> jwt.without("exp")),
                Arguments.of("not yet valid", (UnaryOperator<TestJwt>) jwt -> jwt.at("nbf", Instant.now().plusSeconds(600))),
                Arguments.of("no sub", (UnaryOperator<TestJwt>) jwt -> jwt.without("sub")),
                Arguments.of("typ of an ID token", (UnaryOperator<TestJwt>) jwt -> jwt.type("id_token+jwt")),
                Arguments.of("typ of a logout token", (UnaryOperator<TestJwt>) jwt -> jwt.type("logout+jwt")),
                Arguments.of("bad signature", (UnaryOperator<TestJwt>) TestJwt::badSignature),
                Arguments.of("alg none", (UnaryOperator<TestJwt>) TestJwt::unsigned),
                Arguments.of("HS256", (UnaryOperator<TestJwt>) jwt -> jwt.hs256(secret)),
                Arguments.of("ES256 header on the RSA key", (UnaryOperator<TestJwt>) jwt -> jwt.algorithm("ES256")
                        .keyId("rsa-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAccessTokens")
    void verifyWhenRuleBrokenThenAccessTokenInvalidWithoutTheTokenInTheMessage(String variant, UnaryOperator<TestJwt> breakIt) {
        String token = breakIt.apply(provider.accessToken()).mint();

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.ACCESS_TOKEN_INVALID))
                .message().doesNotContain(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30."})
    void verifyWhenNotASignedJwtThenAccessTokenInvalid(String token) {
        assertThat(failureOf(() -> verifier.verify(token))).isEqualTo(Failure.ACCESS_TOKEN_INVALID);
    }

    @Test
    void verifyWhenTokenHugeThenRefusedBeforeParsing() {
        assertThatThrownBy(() -> verifier.verify("a".repeat(20_000)))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.ACCESS_TOKEN_INVALID))
                .hasMessageContaining("longer than");
    }

    @Test
    void verifyWhenCacheWarmThenNoFurtherNetworkCalls() {
        verifier.verify(provider.accessToken().mint());
        int jwks = provider.jwksFetches();
        int discovery = provider.discoveryFetches();
        provider.fail("/jwks", 500).fail("/.well-known/openid-configuration", 500);

        for (int i = 0; i < 50; i++) {
            verifier.verify(provider.accessToken().algorithm(i % 2 == 0 ? "ES256" : "PS256").mint());
        }

        assertThat(provider.jwksFetches()).isEqualTo(jwks).isEqualTo(1);
        assertThat(provider.discoveryFetches()).isEqualTo(discovery).isEqualTo(1);
    }

    @Test
    void verifyWhenUnknownKidThenJwksRefreshedOnceAndThenRateLimited() {
        verifier.verify(provider.accessToken().mint());

        assertThat(failureOf(() -> verifier.verify(provider.accessToken().keyId("made-up-1").mint())))
                .isEqualTo(Failure.ACCESS_TOKEN_INVALID);
        assertThat(provider.jwksFetches()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            String token = provider.accessToken().keyId("made-up-" + (i + 2)).mint();
            assertThat(failureOf(() -> verifier.verify(token))).isEqualTo(Failure.ACCESS_TOKEN_INVALID);
        }
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenProviderRotatedKeysThenNewKeyFetchedOnce() {
        verifier.verify(provider.accessToken().mint());
        provider.rotateKeys();

        assertThat(verifier.verify(provider.accessToken().mint()).subject()).isEqualTo("citizen-1");
        assertThat(verifier.verify(provider.accessToken().algorithm("ES256").mint()).subject()).isEqualTo("citizen-1");
        assertThat(provider.jwksFetches()).isEqualTo(2);
    }

    @Test
    void verifyWhenProviderDownAtColdStartThenProviderUnavailable() {
        provider.fail("/jwks", 503);

        assertThat(failureOf(() -> verifier.verify(provider.accessToken().mint()))).isEqualTo(Failure.PROVIDER_UNAVAILABLE);
    }

    @Test
    void verifyWhenDiscoveryNamesAnotherIssuerThenProviderUnavailable() {
        provider.discoveryIssuer("https://attacker.example");

        assertThatThrownBy(() -> verifier.verify(provider.accessToken().mint()))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .hasMessageContaining("§4.3");
    }

    @Test
    void createWhenSameIssuerThenVerifiersShareOneJwksCache() {
        AccessTokenVerifier other = AccessTokenVerifier.create(URI.create(provider.issuer()), List.of(TestProvider.CLIENT_ID),
                SKEW, TIMEOUT);
        SatuPintuClient client = SatuPintuClient.create(SatuPintuConfig.from(provider.clientProperties()));

        verifier.verify(provider.accessToken().mint());
        other.verify(provider.accessToken().mint());
        client.accessTokenVerifier().verify(provider.accessToken().mint());

        assertThat(provider.jwksFetches()).isEqualTo(1);
    }

    @Test
    void createWhenNoAudienceThenConfigurationError() {
        assertThatThrownBy(() -> AccessTokenVerifier.create(URI.create(provider.issuer()), List.of(), SKEW, TIMEOUT))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION));
    }

    @Test
    void bearerTokenWhenHeaderWellFormedThenToken() {
        assertThat(AccessTokenVerifier.bearerToken("Bearer abc.def-ghi")).isEqualTo("abc.def-ghi");
        assertThat(AccessTokenVerifier.bearerToken("bearer abc")).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "Bearerabc"})
    void bearerTokenWhenHeaderNotBearerThenNull(String header) {
        assertThat(AccessTokenVerifier.bearerToken(header)).isNull();
        assertThat(AccessTokenVerifier.bearerToken(null)).isNull();
    }
}
