package id.satupintu.sdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.web.LoginRepositories;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisStoreProviderTest {

    private static SatuPintuConfig config(String redisUri) {
        return SatuPintuConfig.from(Map.of(
                "satupintu.issuer", "https://idp.example",
                "satupintu.client-id", "app",
                "satupintu.client-secret", "secret-0123456789",
                "satupintu.session-store", "redis",
                "satupintu.redis-uri", redisUri));
    }

    @Test
    void forConfigWhenRedisStoreConfiguredThenServiceLoaderFindsThisModule() {
        SatuPintuConfig config = config(TestRedis.uri());

        assertThat(LoginRepositories.forConfig(config)).isInstanceOf(RedisLoginRepository.class);
        assertThat(LoginRepositories.replayCacheFor(config)).get().isInstanceOf(RedisReplayCache.class);
    }

    @Test
    void closeWhenCreatedFromConfigurationThenSharedConnectionReleasedAndReopenedOnNextUse() {
        SatuPintuConfig config = config(TestRedis.uri());
        RedisLoginRepository first = RedisLoginRepository.create(config);
        first.close();

        RedisLoginRepository second = RedisLoginRepository.create(config);
        try {
            assertThat(second.end(new id.satupintu.sdk.LogoutNotice(null, "sid-none"))).isZero();
            // The first repository's connection is really gone: using it now is a programming error.
            assertThatThrownBy(() -> first.end(new id.satupintu.sdk.LogoutNotice(null, "sid-none")))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            second.close();
        }
    }

    @Test
    void forConfigWhenRedisUnreachableThenUnavailableError() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SatuPintuConfig config = config("redis://127.0.0.1:" + port);

        assertThatThrownBy(() -> LoginRepositories.forConfig(config))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE));
    }
}
