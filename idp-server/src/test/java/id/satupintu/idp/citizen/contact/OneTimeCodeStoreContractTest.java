package id.satupintu.idp.citizen.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import id.satupintu.idp.citizen.contact.store.memory.MemoryOneTimeCodeStore;
import id.satupintu.idp.citizen.contact.store.redis.RedisOneTimeCodeStore;
import id.satupintu.idp.testsupport.RealStores;

/** The rules every {@link OneTimeCodeStore} keeps, run against memory and a real Redis. */
class OneTimeCodeStoreContractTest {

    static Stream<OneTimeCodeStore> stores() {
        return Stream.of(new MemoryOneTimeCodeStore(Clock.systemUTC()),
                new RedisOneTimeCodeStore(RealStores.redisTemplate()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String freshKey() {
        return UUID.randomUUID() + ":email";
    }

    private static StoredOneTimeCode code(Instant now, int failed, int sends) {
        return new StoredOneTimeCode("rina@example.id", "c2FsdA", "aGFzaA", now.plus(Duration.ofMinutes(10)), failed,
                now, sends);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void findWhenNothingSavedThenEmpty(OneTimeCodeStore store) {
        assertThat(store.find(freshKey(), now())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void findWhenSavedThenSameValues(OneTimeCodeStore store) {
        String key = freshKey();
        Instant now = now();
        StoredOneTimeCode saved = code(now, 0, 2);
        store.save(key, saved, now.plus(Duration.ofMinutes(20)));

        assertThat(store.find(key, now)).contains(saved);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void saveWhenKeyHasCodeThenReplaced(OneTimeCodeStore store) {
        String key = freshKey();
        Instant now = now();
        store.save(key, code(now, 3, 1), now.plus(Duration.ofMinutes(20)));
        StoredOneTimeCode second = code(now.plusSeconds(61), 0, 2);
        store.save(key, second, now.plus(Duration.ofMinutes(21)));

        assertThat(store.find(key, now)).contains(second);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordFailedAttemptWhenCodeExistsThenCountedAndReturned(OneTimeCodeStore store) {
        String key = freshKey();
        Instant now = now();
        store.save(key, code(now, 0, 1), now.plus(Duration.ofMinutes(20)));

        assertThat(store.recordFailedAttempt(key)).isEqualTo(1);
        assertThat(store.recordFailedAttempt(key)).isEqualTo(2);
        assertThat(store.find(key, now).orElseThrow().failedAttempts()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void recordFailedAttemptWhenNoCodeThenZeroAndNothingCreated(OneTimeCodeStore store) {
        String key = freshKey();

        assertThat(store.recordFailedAttempt(key)).isZero();
        assertThat(store.find(key, now())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void deleteWhenCalledThenGone(OneTimeCodeStore store) {
        String key = freshKey();
        Instant now = now();
        store.save(key, code(now, 0, 1), now.plus(Duration.ofMinutes(20)));

        store.delete(key);

        assertThat(store.find(key, now)).isEmpty();
    }

    @Test
    void memoryFindWhenRetentionPassedThenEmpty() {
        OneTimeCodeStore store = new MemoryOneTimeCodeStore(Clock.systemUTC());
        String key = freshKey();
        Instant now = now();
        store.save(key, code(now, 0, 1), now.plusSeconds(5));

        assertThat(store.find(key, now.plusSeconds(5))).isEmpty();
    }

    @Test
    void redisKeyWhenSavedThenExpiresAtRetention() {
        String key = freshKey();
        Instant now = now();
        new RedisOneTimeCodeStore(RealStores.redisTemplate()).save(key, code(now, 0, 1), now.plus(Duration.ofMinutes(20)));

        Long ttlSeconds = RealStores.redisTemplate().getExpire("satupintu:contact-code:" + key);
        assertThat(ttlSeconds).isBetween(1190L, 1200L);
    }
}
