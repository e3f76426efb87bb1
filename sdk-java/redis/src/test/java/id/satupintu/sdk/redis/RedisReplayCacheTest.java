package id.satupintu.sdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RedisReplayCacheTest {

    private final String clientId = "app-" + UUID.randomUUID();

    private RedisReplayCache node() {
        return new RedisReplayCache(RedisConnections.open(TestRedis.uri()).commands(), clientId, Clock.systemUTC());
    }

    @Test
    void firstUseWhenNewThenTrueAndWhenReplayedOnAnotherNodeThenFalse() {
        Instant expiresAt = Instant.now().plusSeconds(120);

        assertThat(node().firstUse("jti-1", expiresAt)).isTrue();
        assertThat(node().firstUse("jti-1", expiresAt)).isFalse();
        assertThat(node().firstUse("jti-2", expiresAt)).isTrue();
    }

    @Test
    void firstUseWhenRacedInParallelThenExactlyOneTrue() throws Exception {
        RedisReplayCache cache = node();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                uses.add(() -> cache.firstUse("jti-raced", Instant.now().plusSeconds(60)));
            }
            int winners = 0;
            for (Future<Boolean> use : threads.invokeAll(uses)) {
                winners += use.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void firstUseWhenExpiryAlreadyPassedThenStillRememberedForAMinute() {
        RedisReplayCache cache = node();

        assertThat(cache.firstUse("jti-old", Instant.now().minusSeconds(5))).isTrue();
        assertThat(cache.firstUse("jti-old", Instant.now().minusSeconds(5))).isFalse();
        String key = "satupintu:sdk:" + clientId + ":jti:" + Hashes.sha256("jti-old");
        assertThat(TestRedis.commands().pttl(key)).isBetween(50_000L, 60_000L);
    }

    @Test
    void firstUseWhenDifferentApplicationsThenIndependent() {
        Instant expiresAt = Instant.now().plusSeconds(120);
        RedisReplayCache other = new RedisReplayCache(TestRedis.commands(), "other-" + clientId, Clock.systemUTC());

        assertThat(node().firstUse("jti-shared", expiresAt)).isTrue();
        assertThat(other.firstUse("jti-shared", expiresAt)).isTrue();
    }
}
