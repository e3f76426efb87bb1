package id.satupintu.idp.oidc.replay.store.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.store.Sha256;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One {@code SET NX} with a TTL per value: atomic across nodes, gone from Redis when it expires.
 * Keys hold the value's SHA-256, so caller-chosen strings never become Redis keys as they are.
 */
public class RedisReplayCache implements ReplayCache {

    public static final String PREFIX = "satupintu:replay:";

    private final StringRedisTemplate redis;
    private final Clock clock;

    public RedisReplayCache(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Duration ttl = Duration.between(clock.instant(), expiresAt);
        if (ttl.isNegative() || ttl.isZero()) {
            ttl = Duration.ofSeconds(1);
        }
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(PREFIX + Sha256.base64Url(value), "1", ttl));
    }
}
