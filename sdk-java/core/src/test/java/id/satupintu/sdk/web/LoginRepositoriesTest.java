package id.satupintu.sdk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginRepositoriesTest {

    private static SatuPintuConfig config(Map<String, String> extra) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "satupintu.issuer", "https://idp.example",
                "satupintu.client-id", "app",
                "satupintu.client-secret", "secret-0123456789"));
        properties.putAll(extra);
        return SatuPintuConfig.from(properties);
    }

    @Test
    void forConfigWhenDefaultStoreThenContainerSessions() {
        assertThat(LoginRepositories.forConfig(config(Map.of()))).isInstanceOf(ContainerSessionLogins.class);
        assertThat(LoginRepositories.replayCacheFor(config(Map.of()))).isEmpty();
    }

    @Test
    void forConfigWhenRedisAndModuleMissingThenConfigurationErrorNamingTheModule() {
        SatuPintuConfig redis = config(Map.of("satupintu.session-store", "redis",
                "satupintu.redis-uri", "redis://127.0.0.1:1"));

        assertThatThrownBy(() -> LoginRepositories.forConfig(redis))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu-sdk-redis");
        assertThatThrownBy(() -> LoginRepositories.replayCacheFor(redis))
                .isInstanceOf(SatuPintuException.class);
    }
}
