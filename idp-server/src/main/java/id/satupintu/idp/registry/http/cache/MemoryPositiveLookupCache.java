package id.satupintu.idp.registry.http.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * The single-node cache of the quickstart: a map with an expiry per entry, swept as entries are
 * added and bounded in size so a scan of many NIKs cannot exhaust the heap.
 */
public class MemoryPositiveLookupCache implements PositiveLookupCache {

    private static final int SWEEP_EVERY = 1024;

    private final Map<Nik, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;

    public MemoryPositiveLookupCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Optional<RegistryRecord> get(Nik nik) {
        Entry entry = entries.get(nik);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(nik, entry);
            return Optional.empty();
        }
        return Optional.of(entry.record());
    }

    @Override
    public void put(RegistryRecord record) {
        Instant now = clock.instant();
        if (writes.incrementAndGet() % SWEEP_EVERY == 0 || entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.merge(record.nik(), new Entry(record, now.plus(ttl)),
                (old, fresh) -> old.record().version() > fresh.record().version() ? old : fresh);
    }

    @Override
    public void refresh(RegistryRecord newer) {
        entries.computeIfPresent(newer.nik(), (nik, old) ->
                old.record().version() < newer.version() ? new Entry(newer, old.expiresAt()) : old);
    }

    private record Entry(RegistryRecord record, Instant expiresAt) {
    }
}
