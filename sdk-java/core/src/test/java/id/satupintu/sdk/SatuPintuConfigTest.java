package id.satupintu.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.testsupport.TestClientKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SatuPintuConfigTest {

    @TempDir
    Path directory;

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("satupintu.issuer", "https://id.satupintu.go.id");
        values.put("satupintu.client-id", "agency-app");
        values.put("satupintu.client-secret", "s3cret-value");
        return values;
    }

    @Test
    void fromWhenOnlyRequiredKeysThenDefaultsApply() {
        SatuPintuConfig config = SatuPintuConfig.from(minimal());

        assertThat(config.issuer()).hasToString("https://id.satupintu.go.id");
        assertThat(config.clientId()).isEqualTo("agency-app");
        assertThat(config.clientAuthentication()).isEqualTo(new ClientAuthentication.ClientSecret("s3cret-value"));
        assertThat(config.redirectUri()).isEqualTo("/satupintu/callback");
        assertThat(config.callbackPath()).isEqualTo("/satupintu/callback");
        assertThat(config.scopes()).containsExactly("openid", "profile");
        assertThat(config.protectedPaths()).containsExactly("/*");
        assertThat(config.publicPaths()).isEmpty();
        assertThat(config.roleClaim()).isEqualTo("roles");
        assertThat(config.principalClaim()).isEqualTo("sub");
        assertThat(config.requiredAcr()).isNull();
        assertThat(config.logoutPath()).isEqualTo("/satupintu/logout");
        assertThat(config.postLogoutRedirectUri()).isEqualTo("/");
        assertThat(config.backchannelLogoutPath()).isEqualTo("/satupintu/backchannel-logout");
        assertThat(config.frontchannelLogoutPath()).isEqualTo("/satupintu/frontchannel-logout");
        assertThat(config.sessionStore()).isEqualTo("container");
        assertThat(config.redisUri()).isNull();
        assertThat(config.audiences()).containsExactly("agency-app");
        assertThat(config.refreshAhead()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fromWhenEnvironmentSetsAKeyThenItWinsOverTheFile() {
        Properties file = new Properties();
        file.putAll(minimal());
        file.setProperty("satupintu.scopes", "openid");

        SatuPintuConfig config = SatuPintuConfig.from(file,
                Map.of("SATUPINTU_CLIENT_ID", "from-env", "SATUPINTU_SCOPES", "profile,email", "PATH", "/bin"));

        assertThat(config.clientId()).isEqualTo("from-env");
        assertThat(config.scopes()).containsExactly("openid", "profile", "email");
    }

    @Test
    void fromWhenEverythingMissingThenOneErrorNamesEveryMissingKey() {
        assertThatThrownBy(() -> SatuPintuConfig.from(new Properties(), Map.of()))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu.issuer is missing (environment: SATUPINTU_ISSUER)")
                .hasMessageContaining("satupintu.client-id is missing (environment: SATUPINTU_CLIENT_ID)");
    }

    @Test
    void fromWhenSeveralValuesMalformedThenEachIsNamed() {
        Map<String, String> values = minimal();
        values.put("satupintu.issuer", "http://idp.example");
        values.put("satupintu.redirect-uri", "javascript:alert(1)");
        values.put("satupintu.protected-paths", "/admin/*, admin");
        values.put("satupintu.session-store", "redis");
        values.put("satupintu.clock-skew", "60");
        values.put("satupintu.http-timeout", "PT0S");
        values.put("satupintu.logout-path", "logout");
        values.put("satupintu.post-logout-redirect-uri", "//evil.example");

        assertThatThrownBy(() -> SatuPintuConfig.from(values))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu.issuer must be an https URL")
                .hasMessageContaining("satupintu.redirect-uri must be an http(s) URL or a path")
                .hasMessageContaining("'admin' is not a servlet pattern")
                .hasMessageContaining("satupintu.redis-uri is missing")
                .hasMessageContaining("satupintu.clock-skew must be an ISO-8601 duration")
                .hasMessageContaining("satupintu.http-timeout must be positive")
                .hasMessageContaining("satupintu.logout-path must be a path")
                .hasMessageContaining("satupintu.post-logout-redirect-uri must be");
    }

    @Test
    void fromWhenSecretAndKeyBothSetThenContradictionReportedWithoutTheSecret() {
        Map<String, String> values = minimal();
        values.put("satupintu.client-key", "/nowhere.pem");

        assertThatThrownBy(() -> SatuPintuConfig.from(values))
                .hasMessageContaining("client-secret and satupintu.client-key are both set")
                .message().doesNotContain("s3cret-value");
    }

    @Test
    void fromWhenClientKeyIsRsaPkcs8PemThenPrivateKeyJwtConfigured() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(TestClientKeys.rsa(), directory).toString());
        values.put("satupintu.client-key-id", "key-1");

        ClientAuthentication authentication = SatuPintuConfig.from(values).clientAuthentication();

        assertThat(authentication).isInstanceOfSatisfying(ClientAuthentication.PrivateKeyJwt.class, jwt -> {
            assertThat(jwt.algorithm()).isEqualTo("RS256");
            assertThat(jwt.keyId()).isEqualTo("key-1");
            assertThat(jwt.key().getAlgorithm()).isEqualTo("RSA");
        });
    }

    @Test
    void fromWhenClientKeyIsEcWithEs256ThenAccepted() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(TestClientKeys.ec(), directory).toString());
        values.put("satupintu.client-key-algorithm", "ES256");

        assertThat(SatuPintuConfig.from(values).clientAuthentication())
                .isInstanceOfSatisfying(ClientAuthentication.PrivateKeyJwt.class,
                        jwt -> assertThat(jwt.key().getAlgorithm()).isEqualTo("EC"));
    }

    @Test
    void fromWhenEcKeyWithRs256ThenConfigurationError() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", TestClientKeys.writePkcs8Pem(TestClientKeys.ec(), directory).toString());

        assertThatThrownBy(() -> SatuPintuConfig.from(values)).hasMessageContaining("cannot sign RS256");
    }

    @Test
    void fromWhenClientKeyFileIsNotPemThenConfigurationErrorNamesTheFile() throws Exception {
        Path file = Files.writeString(directory.resolve("key.txt"), "not a key");
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", file.toString());

        assertThatThrownBy(() -> SatuPintuConfig.from(values))
                .isInstanceOfSatisfying(SatuPintuException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining(file + " is not a PKCS#8 PEM private key");
    }

    @Test
    void fromWhenClientKeyFileMissingThenConfigurationError() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", directory.resolve("absent.pem").toString());

        assertThatThrownBy(() -> SatuPintuConfig.from(values)).hasMessageContaining("cannot read");
    }

    @Test
    void fromWhenUnknownKeyAlgorithmThenConfigurationError() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.client-key", "/x.pem");
        values.put("satupintu.client-key-algorithm", "HS256");

        assertThatThrownBy(() -> SatuPintuConfig.from(values)).hasMessageContaining("RS256, PS256 or ES256");
    }

    @Test
    void callbackPathWhenRedirectUriAbsoluteThenItsPath() {
        Map<String, String> values = minimal();
        values.put("satupintu.redirect-uri", "https://app.example.go.id/portal/cb?x=1");

        assertThat(SatuPintuConfig.from(values).callbackPath()).isEqualTo("/portal/cb");
    }

    @Test
    void fromWhenIssuerIsLoopbackHttpThenAcceptedAsWritten() {
        Map<String, String> values = minimal();
        values.put("satupintu.issuer", "http://localhost:8080/");

        assertThat(SatuPintuConfig.from(values).issuer()).hasToString("http://localhost:8080/");
    }

    @Test
    void fromWhenNoClientCredentialThenResourceServerConfig() {
        Map<String, String> values = minimal();
        values.remove("satupintu.client-secret");
        values.put("satupintu.audiences", "api-a, api-b");

        SatuPintuConfig config = SatuPintuConfig.from(values);

        assertThat(config.clientAuthentication()).isNull();
        assertThat(config.audiences()).isEqualTo(List.of("api-a", "api-b"));
    }

    @Test
    void toStringWhenSecretConfiguredThenSecretNotShown() {
        assertThat(SatuPintuConfig.from(minimal()).toString()).doesNotContain("s3cret-value");
    }
}
