package id.satupintu.idp.citizen.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import id.satupintu.idp.citizen.login.LoginAttemptStore;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;

/**
 * Failed sign-ins shared by all nodes: one sorted set per key, scored by failure time in
 * milliseconds, expiring one window after its last failure.
 */
@Component
@ConditionalOnRedisConfigured
public class RedisLoginAttemptStore implements LoginAttemptStore {

    private static final String PREFIX = "satupintu:login-failures:";

    /** Add, trim and expire in one atomic step so that concurrent nodes cannot leave a key without TTL. */
    private static final RedisScript<Long> RECORD = RedisScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    public RedisLoginAttemptStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void recordFailure(String key, Instant at, Duration window) {
        long millis = at.toEpochMilli();
        redis.execute(RECORD, List.of(PREFIX + key), Long.toString(millis),
                millis + ":" + UUID.randomUUID(), Long.toString(millis - window.toMillis()),
                Long.toString(window.toMillis()));
    }

    @Override
    public Optional<Instant> blockedUntil(String key, int limit, Duration window, Instant now) {
        double from = now.minus(window).toEpochMilli() + 1;
        Long count = redis.opsForZSet().count(PREFIX + key, from, Double.POSITIVE_INFINITY);
        if (count == null || count < limit) {
            return Optional.empty();
        }
        // once this failure leaves the window, fewer than `limit` remain
        Set<TypedTuple<String>> oldestBlocking = redis.opsForZSet().rangeByScoreWithScores(PREFIX + key, from,
                Double.POSITIVE_INFINITY, count - limit, 1);
        if (oldestBlocking == null || oldestBlocking.isEmpty()) {
            return Optional.empty(); // it left the window between the two reads
        }
        long failedAt = oldestBlocking.iterator().next().getScore().longValue();
        return Optional.of(Instant.ofEpochMilli(failedAt).plus(window));
    }

    @Override
    public void clear(String key) {
        redis.delete(PREFIX + key);
    }
}
