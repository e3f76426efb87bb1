package id.satupintu.sdk.redis;

import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuConfig;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Clock;
import java.time.Instant;

/**
 * Logout-token {@code jti} values remembered in Redis (OpenID Connect Back-Channel Logout 1.0 §2.6 step 7 asks
 * the RP to refuse a replayed token): {@code SET NX PX} is atomic, so a token replayed to another node of the
 * cluster, even at the same moment, is accepted exactly once.
 */
public final class RedisReplayCache implements ReplayCache {

    /** A value whose expiry already passed is still remembered this long, against clock differences. */
    private static final long MINIMUM_TTL_MILLIS = 60_000;

    private final RedisClusterCommands<String, String> redis;
    private final String prefix;
    private final Clock clock;

    public RedisReplayCache(RedisClusterCommands<String, String> redis, String clientId, Clock clock) {
        this.redis = redis;
        this.prefix = "satupintu:sdk:" + clientId + ":jti:";
        this.clock = clock;
    }

    public static RedisReplayCache create(SatuPintuConfig config) {
        return new RedisReplayCache(RedisConnections.shared(config.redisUri()), config.clientId(), Clock.systemUTC());
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        long ttl = Math.max(MINIMUM_TTL_MILLIS, expiresAt.toEpochMilli() - clock.millis());
        return Guarded.call("checking a logout token id",
                () -> "OK".equals(redis.set(prefix + Hashes.sha256(value), "1", SetArgs.Builder.nx().px(ttl))));
    }
}
