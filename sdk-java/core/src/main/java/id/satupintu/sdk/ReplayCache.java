package id.satupintu.sdk;

import java.time.Instant;

/**
 * Remembers one-time values (logout-token {@code jti}) until they expire. The default is in memory;
 * a clustered application uses the Redis one so that a token replayed to another node is refused.
 */
public interface ReplayCache {

    /** @return true the first time the value is seen before {@code expiresAt}; false on a replay */
    boolean firstUse(String value, Instant expiresAt);
}
