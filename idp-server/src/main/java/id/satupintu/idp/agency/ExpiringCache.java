package id.satupintu.idp.agency;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small bounded map whose entries expire a fixed time after they were loaded. Absent values are
 * cached too, so a flood of unknown client ids does not reach the database either; the size bound
 * keeps that flood from growing the heap (when full, expired entries are purged, then all).
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** @return the cached value while fresh, otherwise the loader's result (then cached) */
    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return entry.value();
        }
        Optional<V> loaded = loader.apply(key);
        if (ttlNanos > 0) {
            makeRoom(now);
            entries.put(key, new Entry<>(loaded, now + ttlNanos));
        }
        return loaded;
    }

    int size() {
        return entries.size();
    }

    void evict(K key) {
        entries.remove(key);
    }

    private void makeRoom(long now) {
        if (entries.size() < maxEntries) {
            return;
        }
        entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }
}
