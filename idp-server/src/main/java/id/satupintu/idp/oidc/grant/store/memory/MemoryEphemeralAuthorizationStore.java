package id.satupintu.idp.oidc.grant.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import id.satupintu.idp.oidc.grant.EphemeralAuthorization;
import id.satupintu.idp.oidc.grant.EphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.TokenHash;

/**
 * The quickstart's ephemeral store: maps with per-entry expiry, read lazily and swept at most once a
 * minute on write so a long-running single node does not grow without bound.
 */
public class MemoryEphemeralAuthorizationStore implements EphemeralAuthorizationStore {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private record Expiring<T>(T value, Instant expiresAt) {
        boolean isAliveAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    private final Clock clock;
    private final Map<String, Expiring<byte[]>> records = new ConcurrentHashMap<>();
    private final Map<TokenHash, Expiring<String>> index = new ConcurrentHashMap<>();
    private final Map<String, Expiring<Set<String>>> citizens = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;

    public MemoryEphemeralAuthorizationStore(Clock clock) {
        this.clock = clock;
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public void put(EphemeralAuthorization entry) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(entry.timeToLive());
        records.put(entry.id(), new Expiring<>(entry.snapshot().clone(), expiresAt));
        entry.indexedBy().forEach(hash -> index.put(hash, new Expiring<>(entry.id(), expiresAt)));
        if (entry.citizen() != null) {
            citizens.compute(entry.citizen(), (name, existing) -> {
                Set<String> ids = existing != null && existing.isAliveAt(now) ? existing.value()
                        : ConcurrentHashMap.newKeySet();
                ids.add(entry.id());
                Instant keepUntil = existing != null && existing.expiresAt().isAfter(expiresAt)
                        ? existing.expiresAt() : expiresAt;
                return new Expiring<>(ids, keepUntil);
            });
        }
        sweepIfDue(now);
    }

    @Override
    public Optional<byte[]> findById(String id) {
        return alive(records.get(id)).map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> findByTokenHash(TokenHash hash) {
        return alive(index.get(hash)).flatMap(this::findById);
    }

    @Override
    public void remove(String id, Collection<TokenHash> indexedBy, String citizen) {
        records.remove(id);
        indexedBy.forEach(index::remove);
        if (citizen != null) {
            citizens.computeIfPresent(citizen, (name, existing) -> {
                existing.value().remove(id);
                return existing.value().isEmpty() ? null : existing;
            });
        }
    }

    @Override
    public Set<String> idsOfCitizen(String citizen) {
        return alive(citizens.get(citizen)).map(Set::copyOf).orElse(Set.of());
    }

    private <T> Optional<T> alive(Expiring<T> entry) {
        return entry != null && entry.isAliveAt(clock.instant()) ? Optional.of(entry.value()) : Optional.empty();
    }

    private void sweepIfDue(Instant now) {
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        records.values().removeIf(e -> !e.isAliveAt(now));
        index.values().removeIf(e -> !e.isAliveAt(now));
        citizens.values().removeIf(e -> !e.isAliveAt(now));
    }
}
