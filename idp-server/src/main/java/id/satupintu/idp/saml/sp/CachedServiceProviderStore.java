package id.satupintu.idp.saml.sp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@link ServiceProviderStore}: service providers loaded from {@link ServiceProviderRecords} on
 * first use and then answered from memory, so the SSO hot path does not touch the database.
 *
 * <p>Why a revision poll rather than an expiring per-entity cache (as the OIDC client repository
 * has): SAML service providers change rarely (an administrator's action, a metadata refresh that
 * brought different metadata), while look-ups come at login rate. An expiring cache would reload
 * every SP in use once per TTL on every node, whether it changed or not, and would still serve a
 * removed SP or a replaced signing certificate for up to a whole TTL. Polling one number
 * ({@code saml_service_provider_revision}, bumped in the same transaction as every change) every
 * {@code satupintu.saml.service-providers.revision-poll} (default 2 s) costs one primary-key read per
 * node, and any change, on any node, is visible everywhere within that interval; this node sees its
 * own changes at once ({@link #invalidate()}).
 *
 * <p>Entries, also absent ones, are kept until the revision changes; a bound on their number keeps a
 * flood of unknown entity IDs from growing the heap (when full, everything is dropped and reloaded
 * on demand). Stored metadata that no longer parses is logged and treated as absent rather than
 * failing the request.
 */
@Component
public class CachedServiceProviderStore implements ServiceProviderStore {

    private static final Logger LOG = LoggerFactory.getLogger(CachedServiceProviderStore.class);

    /** Far above the number of real service providers; bounds memory under unknown-entity floods. */
    static final int MAX_CACHED = 50_000;

    private final ServiceProviderRecords records;
    private final SpMetadataParser parser;
    private final Map<String, Optional<ServiceProvider>> byEntityId = new ConcurrentHashMap<>();
    private final Map<UUID, Optional<ServiceProvider>> byId = new ConcurrentHashMap<>();
    /** Bumped by every invalidation, so a load that raced with one is not cached. */
    private final AtomicLong generation = new AtomicLong();
    private final ReadWriteLock invalidation = new ReentrantReadWriteLock();
    private volatile long seenRevision = Long.MIN_VALUE;

    public CachedServiceProviderStore(ServiceProviderRecords records, SpMetadataParser parser) {
        this.records = records;
        this.parser = parser;
    }

    @Override
    public Optional<ServiceProvider> findByEntityId(String entityId) {
        if (entityId == null) {
            return Optional.empty();
        }
        Optional<ServiceProvider> cached = byEntityId.get(entityId);
        if (cached != null) {
            return cached;
        }
        long loadGeneration = generation.get();
        Optional<ServiceProvider> loaded = records.findByEntityId(entityId).flatMap(this::toServiceProvider);
        remember(loadGeneration, byEntityId, entityId, loaded);
        return loaded;
    }

    @Override
    public Optional<ServiceProvider> findById(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<ServiceProvider> cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        long loadGeneration = generation.get();
        Optional<ServiceProvider> loaded = records.findById(id).flatMap(this::toServiceProvider);
        remember(loadGeneration, byId, id, loaded);
        return loaded;
    }

    /** Administrators' view, not the hot path: always read from the database. */
    @Override
    public List<ServiceProvider> findByAgency(String agencyCode) {
        return records.findByAgency(agencyCode).stream().map(this::toServiceProvider)
                .flatMap(Optional::stream).toList();
    }

    /** Drops every entry on this node, after this node changed a service provider. */
    public void invalidate() {
        invalidation.writeLock().lock();
        try {
            generation.incrementAndGet();
            byEntityId.clear();
            byId.clear();
        } finally {
            invalidation.writeLock().unlock();
        }
    }

    /** Drops every entry when another node (or this one) changed a service provider since the last poll. */
    @Scheduled(fixedDelayString = "${satupintu.saml.service-providers.revision-poll:2000}",
            initialDelayString = "${satupintu.saml.service-providers.revision-poll:2000}")
    public void pollRevision() {
        long revision;
        try {
            revision = records.revision();
        } catch (RuntimeException e) {
            // a database outage must not end the schedule; entries stay as they are until it is back
            LOG.warn("cannot read the SAML service-provider revision: {}", e.toString());
            return;
        }
        if (revision != seenRevision) {
            invalidate();
            seenRevision = revision;
        }
    }

    int size() {
        return byEntityId.size() + byId.size();
    }

    private <K> void remember(long loadGeneration, Map<K, Optional<ServiceProvider>> map, K key,
                              Optional<ServiceProvider> value) {
        invalidation.readLock().lock();
        try {
            if (generation.get() != loadGeneration) {
                return; // invalidated while loading: the loaded value may be stale
            }
            if (map.size() >= MAX_CACHED) {
                map.clear();
            }
            map.put(key, value);
        } finally {
            invalidation.readLock().unlock();
        }
    }

    private Optional<ServiceProvider> toServiceProvider(ServiceProviderRecord record) {
        try {
            return Optional.of(parser.parseStored(record.metadataXml())
                    .toServiceProvider(record.id(), record.agencyCode(), record.settings(), record.metadataXml()));
        } catch (InvalidMetadataException e) {
            LOG.warn("stored metadata of SAML service provider {} is no longer accepted: {}", record.id(), e.reason());
            return Optional.empty();
        }
    }
}
