package id.satupintu.idp.oidc.replay.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.oidc.replay.ReplayCache;

/** The quickstart's single-node replay cache; expired values are swept as new ones arrive. */
public class MemoryReplayCache implements ReplayCache {

    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Clock clock;

    public MemoryReplayCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String value, Instant expiresAt) {
        Instant now = clock.instant();
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            seen.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        Instant[] previous = new Instant[1];
        seen.compute(value, (key, expiry) -> {
            previous[0] = expiry;
            return expiry != null && expiry.isAfter(now) ? expiry : expiresAt;
        });
        return previous[0] == null || !previous[0].isAfter(now);
    }
}
