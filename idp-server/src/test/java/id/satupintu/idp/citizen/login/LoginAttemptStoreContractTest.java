package id.satupintu.idp.citizen.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.satupintu.idp.citizen.store.memory.MemoryLoginAttemptStore;
import id.satupintu.idp.citizen.store.redis.RedisLoginAttemptStore;
import id.satupintu.idp.testsupport.RealStores;

/** The rules every {@link LoginAttemptStore} keeps, run against memory and a real Redis. */
class LoginAttemptStoreContractTest {

    private static final Duration HOUR = Duration.ofHours(1);

    static Stream<LoginAttemptStore> stores() {
        return Stream.of(new MemoryLoginAttemptStore(), new RedisLoginAttemptStore(RealStores.redisTemplate()));
    }

    /** Millisecond instants: Redis scores are milliseconds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String freshKey() {
        return "test:" + UUID.randomUUID();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenNoFailuresThenNotBlocked(LoginAttemptStore store) {
        assertThat(store.blockedUntil(freshKey(), 1, HOUR, now())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenBelowLimitThenNotBlocked(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now.minusSeconds(20), HOUR);
        store.recordFailure(key, now.minusSeconds(10), HOUR);

        assertThat(store.blockedUntil(key, 3, HOUR, now)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenLimitReachedThenUntilOldestCountedFailureLeavesWindow(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        Instant first = now.minusSeconds(30);
        store.recordFailure(key, first, HOUR);
        store.recordFailure(key, now.minusSeconds(20), HOUR);
        store.recordFailure(key, now.minusSeconds(10), HOUR);

        assertThat(store.blockedUntil(key, 3, HOUR, now)).contains(first.plus(HOUR));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenOverLimitThenUntilCountDropsBelowLimit(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now.minusSeconds(40), HOUR);
        Instant second = now.minusSeconds(30);
        store.recordFailure(key, second, HOUR);
        store.recordFailure(key, now.minusSeconds(20), HOUR);

        // three failures, limit two: blocked until two have left the window
        assertThat(store.blockedUntil(key, 2, HOUR, now)).contains(second.plus(HOUR));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenFailuresOlderThanWindowThenNotCounted(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now.minus(HOUR).minusSeconds(1), HOUR);
        store.recordFailure(key, now.minus(HOUR), HOUR);
        store.recordFailure(key, now.minusSeconds(5), HOUR);

        assertThat(store.blockedUntil(key, 2, HOUR, now)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void blockedUntilWhenWindowPassedThenNoLongerBlocked(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now, HOUR);

        assertThat(store.blockedUntil(key, 1, HOUR, now)).contains(now.plus(HOUR));
        assertThat(store.blockedUntil(key, 1, HOUR, now.plus(HOUR))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void clearWhenCalledThenFailuresForgotten(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now, HOUR);

        store.clear(key);

        assertThat(store.blockedUntil(key, 1, HOUR, now)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordFailureWhenKeysDifferThenCountedSeparately(LoginAttemptStore store) {
        String key = freshKey();
        String other = freshKey();
        Instant now = now();
        store.recordFailure(key, now, HOUR);

        assertThat(store.blockedUntil(key, 1, HOUR, now)).isPresent();
        assertThat(store.blockedUntil(other, 1, HOUR, now)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordFailureWhenSameMillisecondTwiceThenBothCounted(LoginAttemptStore store) {
        String key = freshKey();
        Instant now = now();
        store.recordFailure(key, now, HOUR);
        store.recordFailure(key, now, HOUR);

        assertThat(store.blockedUntil(key, 2, HOUR, now)).contains(now.plus(HOUR));
    }

    @Test
    void redisKeyWhenFailureRecordedThenExpiresAfterWindow() {
        String key = freshKey();
        new RedisLoginAttemptStore(RealStores.redisTemplate()).recordFailure(key, now(), Duration.ofMinutes(10));

        Long ttlSeconds = RealStores.redisTemplate().getExpire("satupintu:login-failures:" + key);
        assertThat(ttlSeconds).isBetween(590L, 600L);
    }
}
