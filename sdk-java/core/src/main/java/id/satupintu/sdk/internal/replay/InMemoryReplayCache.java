package id.satupintu.sdk.internal.replay;

import id.satupintu.sdk.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link ReplayCache}: values in memory until they expire, at most {@code capacity} of
 * them so a flood cannot exhaust the heap. When full, expired values go first, then the oldest: those
 * are the ones closest to expiring anyway, since logout tokens live minutes. One node only; clusters
 * use the Redis cache.
 */
public final class InMemoryReplayCache implements ReplayCache {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemoryReplayCache() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    public InMemoryReplayCache(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String value, Instant expiresAt) {
        Instant now = clock.instant();
        Instant known = seen.get(value);
        if (known != null && now.isBefore(known)) {
            return false;
        }
        seen.remove(value);
        if (seen.size() >= capacity) {
            evict(now);
        }
        seen.put(value, expiresAt);
        return true;
    }

    public synchronized int size() {
        return seen.size();
    }

    private void evict(Instant now) {
        seen.values().removeIf(expiry -> !now.isBefore(expiry));
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (seen.size() >= capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
