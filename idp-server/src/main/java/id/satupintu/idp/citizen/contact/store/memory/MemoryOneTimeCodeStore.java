package id.satupintu.idp.citizen.contact.store.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import id.satupintu.idp.citizen.contact.OneTimeCodeStore;
import id.satupintu.idp.citizen.contact.StoredOneTimeCode;

/** Codes held in this JVM: the quickstart's single node, without Redis. */
public class MemoryOneTimeCodeStore implements OneTimeCodeStore {

    /** Sweep forgotten entries every so many writes so that abandoned codes do not accumulate. */
    private static final int SWEEP_EVERY = 256;

    private record Entry(StoredOneTimeCode code, Instant retainUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final Clock clock;

    public MemoryOneTimeCodeStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(String key, StoredOneTimeCode code, Instant retainUntil) {
        entries.put(key, new Entry(code, retainUntil));
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.retainUntil()));
        }
    }

    @Override
    public Optional<StoredOneTimeCode> find(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || !now.isBefore(entry.retainUntil()) ? Optional.empty() : Optional.of(entry.code());
    }

    @Override
    public int recordFailedAttempt(String key) {
        Entry updated = entries.computeIfPresent(key, (k, e) -> new Entry(new StoredOneTimeCode(
                e.code().destination(), e.code().salt(), e.code().codeHash(), e.code().expiresAt(),
                e.code().failedAttempts() + 1, e.code().lastSentAt(), e.code().sends()), e.retainUntil()));
        return updated == null ? 0 : updated.code().failedAttempts();
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }
}
