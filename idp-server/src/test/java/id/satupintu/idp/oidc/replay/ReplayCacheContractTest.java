package id.satupintu.idp.oidc.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.oidc.replay.store.redis.RedisReplayCache;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every {@link ReplayCache} keeps, run against memory and a real Redis. */
class ReplayCacheContractTest {

    static Stream<ReplayCache> caches() {
        return Stream.of(new MemoryReplayCache(Clock.systemUTC()), new RedisReplayCache(RealStores.redisTemplate(), Clock.systemUTC()));
    }

    @ParameterizedTest
    @MethodSource("caches")
    void firstUseWhenValueNewThenTrue(ReplayCache cache) {
        assertThat(cache.firstUse(fresh(), Instant.now().plusSeconds(60))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("caches")
    void firstUseWhenValueSeenBeforeItExpiredThenFalse(ReplayCache cache) {
        String value = fresh();
        cache.firstUse(value, Instant.now().plusSeconds(60));

        assertThat(cache.firstUse(value, Instant.now().plusSeconds(60))).isFalse();
    }

    @ParameterizedTest
    @MethodSource("caches")
    void firstUseWhenOtherValueThenTrue(ReplayCache cache) {
        cache.firstUse(fresh(), Instant.now().plusSeconds(60));

        assertThat(cache.firstUse(fresh(), Instant.now().plusSeconds(60))).isTrue();
    }

    @Test
    void firstUseWhenMemoryValueExpiredThenAcceptedAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
        MemoryReplayCache cache = new MemoryReplayCache(clock);
        String value = fresh();
        cache.firstUse(value, clock.instant().plusSeconds(60));

        clock.now = clock.now.plusSeconds(61);

        assertThat(cache.firstUse(value, clock.instant().plusSeconds(60))).isTrue();
        assertThat(cache.firstUse(value, clock.instant().plusSeconds(60))).isFalse();
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void firstUseWhenRedisThenKeyHoldsAHashWithATtlNoLongerThanTheValueLives() {
        String value = "jti-" + fresh();
        new RedisReplayCache(RealStores.redisTemplate(), Clock.systemUTC()).firstUse(value, Instant.now().plusSeconds(90));

        var keys = RealStores.redisTemplate().keys(RedisReplayCache.PREFIX + "*");
        assertThat(keys).isNotEmpty().noneMatch(key -> key.contains(value));
        for (String key : keys) {
            Long ttl = RealStores.redisTemplate().getExpire(key);
            assertThat(ttl).isNotNull().isPositive().isLessThanOrEqualTo(Duration.ofSeconds(90).toSeconds());
        }
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
