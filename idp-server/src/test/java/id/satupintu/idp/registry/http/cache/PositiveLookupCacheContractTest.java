package id.satupintu.idp.registry.http.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.testsupport.RealStores;

/** The rules every {@link PositiveLookupCache} keeps, run against memory and a real Redis. */
class PositiveLookupCacheContractTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    static Stream<PositiveLookupCache> caches() {
        return Stream.of(new MemoryPositiveLookupCache(TTL, 1000, Clock.systemUTC()),
                new RedisPositiveLookupCache(RealStores.redisTemplate(), TTL));
    }

    @BeforeEach
    void emptyRedisCache() {
        var keys = RealStores.redisTemplate().keys(RedisPositiveLookupCache.PREFIX + "*");
        if (keys != null && !keys.isEmpty()) {
            RealStores.redisTemplate().delete(keys);
        }
    }

    @ParameterizedTest
    @MethodSource("caches")
    void getWhenNothingCachedThenEmpty(PositiveLookupCache cache) {
        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("caches")
    void getWhenRecordPutThenTheSameRecord(PositiveLookupCache cache) {
        cache.put(DemoRegistryRecords.DEWI);

        assertThat(cache.get(DemoRegistryRecords.DEWI.nik())).contains(DemoRegistryRecords.DEWI);
        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("caches")
    void refreshWhenNewerVersionThenReplaced(PositiveLookupCache cache) {
        cache.put(DemoRegistryRecords.SITI);
        RegistryRecord renamed = DemoRegistryRecords.SITI.withFullName("SITI RAHAYU PUTRI", 2, Instant.now());

        cache.refresh(renamed);

        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).contains(renamed);
    }

    @ParameterizedTest
    @MethodSource("caches")
    void refreshWhenOlderVersionArrivesLateThenIgnored(PositiveLookupCache cache) {
        RegistryRecord v3 = DemoRegistryRecords.SITI.withFullName("SITI RAHAYU PUTRI", 3, Instant.now());
        cache.put(v3);

        cache.refresh(DemoRegistryRecords.SITI.withFullName("SITI R", 2, Instant.now()));

        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).contains(v3);
    }

    @ParameterizedTest
    @MethodSource("caches")
    void refreshWhenNotCachedThenStillNotCached(PositiveLookupCache cache) {
        cache.refresh(DemoRegistryRecords.BUDI.withFullName("BUDI S", 2, Instant.now()));

        assertThat(cache.get(DemoRegistryRecords.BUDI.nik())).isEmpty();
    }

    @Test
    void getWhenMemoryEntryOlderThanTtlThenEmpty() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
        MemoryPositiveLookupCache cache = new MemoryPositiveLookupCache(TTL, 1000, clock);
        cache.put(DemoRegistryRecords.SITI);

        clock.now = clock.now.plus(TTL).minusSeconds(1);
        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).isEmpty();
    }

    @Test
    void putWhenRedisThenKeyHoldsAHashOfTheNikWithTheTtl() {
        new RedisPositiveLookupCache(RealStores.redisTemplate(), TTL).put(DemoRegistryRecords.SITI);

        var keys = RealStores.redisTemplate().keys(RedisPositiveLookupCache.PREFIX + "*");
        assertThat(keys).hasSize(1).noneMatch(key -> key.contains(DemoRegistryRecords.SITI.nik().value()));
        Long ttl = RealStores.redisTemplate().getExpire(keys.iterator().next());
        assertThat(ttl).isNotNull().isPositive().isLessThanOrEqualTo(TTL.toSeconds());
    }

    @Test
    void refreshWhenRedisThenRemainingTtlKept() {
        RedisPositiveLookupCache cache = new RedisPositiveLookupCache(RealStores.redisTemplate(), TTL);
        cache.put(DemoRegistryRecords.SITI);

        cache.refresh(DemoRegistryRecords.SITI.withFullName("SITI RAHAYU PUTRI", 2, Instant.now()));

        String key = RealStores.redisTemplate().keys(RedisPositiveLookupCache.PREFIX + "*").iterator().next();
        assertThat(RealStores.redisTemplate().getExpire(key)).isPositive().isLessThanOrEqualTo(TTL.toSeconds());
    }

    @Test
    void getWhenRedisValueCorruptThenMissNotError() {
        RedisPositiveLookupCache cache = new RedisPositiveLookupCache(RealStores.redisTemplate(), TTL);
        cache.put(DemoRegistryRecords.SITI);
        String key = RealStores.redisTemplate().keys(RedisPositiveLookupCache.PREFIX + "*").iterator().next();
        RealStores.redisTemplate().opsForValue().set(key, "not a record", TTL);

        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).isEmpty();
    }

    @Test
    void refreshWhenRedisValueCorruptThenReplacedByTheNewRecord() {
        RedisPositiveLookupCache cache = new RedisPositiveLookupCache(RealStores.redisTemplate(), TTL);
        cache.put(DemoRegistryRecords.SITI);
        String key = RealStores.redisTemplate().keys(RedisPositiveLookupCache.PREFIX + "*").iterator().next();
        RealStores.redisTemplate().opsForValue().set(key, "not a record", TTL);
        RegistryRecord renamed = DemoRegistryRecords.SITI.withFullName("SITI RAHAYU PUTRI", 2, Instant.now());

        cache.refresh(renamed);

        assertThat(cache.get(DemoRegistryRecords.SITI.nik())).contains(renamed);
    }

    @Test
    void putWhenMemoryCacheFullThenBoundedInSize() {
        MemoryPositiveLookupCache cache = new MemoryPositiveLookupCache(TTL, 2, Clock.systemUTC());

        cache.put(DemoRegistryRecords.SITI);
        cache.put(DemoRegistryRecords.BUDI);
        cache.put(DemoRegistryRecords.DEWI);

        long held = Stream.of(DemoRegistryRecords.SITI, DemoRegistryRecords.BUDI, DemoRegistryRecords.DEWI)
                .filter(r -> cache.get(r.nik()).isPresent()).count();
        assertThat(held).isLessThanOrEqualTo(2);
        assertThat(cache.get(DemoRegistryRecords.DEWI.nik())).isPresent();
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
