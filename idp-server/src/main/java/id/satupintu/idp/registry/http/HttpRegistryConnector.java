package id.satupintu.idp.registry.http;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryEventListener;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.VerificationOutcome;
import id.satupintu.idp.registry.http.cache.PositiveLookupCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The registry service over HTTPS with mutual TLS ({@code registry/registry-api.yaml}).
 *
 * <ul>
 *   <li>{@link #lookup}: the {@linkplain PositiveLookupCache cache} first; on a miss the registry,
 *       with retries and the circuit breaker; a found record is cached. A cached record is served
 *       even while the registry is down: it is a record the registry vouched for within the TTL,
 *       and change events refresh it.</li>
 *   <li>{@link #verify}: always the registry, never the cache: enrollment must see the registry's
 *       current answer.</li>
 *   <li>{@link #subscribe}: listeners fed by the signed webhook (package {@code registry.webhook}).</li>
 * </ul>
 *
 * Metrics: {@code satupintu.registry.lookup} (timer; tags {@code source=cache|registry},
 * {@code result=found|not_found|unavailable}) and {@code satupintu.registry.cache} (counter; tag
 * {@code result=hit|miss}); the breaker's own metrics come from {@code resilience4j-micrometer}.
 */
public class HttpRegistryConnector implements RegistryConnector {

    private final RegistryApiClient api;
    private final ResilientRegistryCalls calls;
    private final PositiveLookupCache cache;
    private final RegistryEventListeners listeners;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Timer foundInCache;
    private final Timer foundAtRegistry;
    private final Timer notFoundAtRegistry;
    private final Timer registryUnavailable;

    public HttpRegistryConnector(RegistryApiClient api, ResilientRegistryCalls calls, PositiveLookupCache cache,
                                 RegistryEventListeners listeners, MeterRegistry meters) {
        this.api = api;
        this.calls = calls;
        this.cache = cache;
        this.listeners = listeners;
        this.cacheHits = Counter.builder("satupintu.registry.cache").tag("result", "hit")
                .description("registry look-ups answered from the cache").register(meters);
        this.cacheMisses = Counter.builder("satupintu.registry.cache").tag("result", "miss")
                .description("registry look-ups the cache could not answer").register(meters);
        this.foundInCache = lookupTimer(meters, "cache", "found");
        this.foundAtRegistry = lookupTimer(meters, "registry", "found");
        this.notFoundAtRegistry = lookupTimer(meters, "registry", "not_found");
        this.registryUnavailable = lookupTimer(meters, "registry", "unavailable");
        // a change event refreshes a cached record, so the cache never hides a death or a new name
        listeners.addHook(event -> cache.refresh(event.record()));
    }

    @Override
    public Optional<RegistryRecord> lookup(Nik nik) {
        long start = System.nanoTime();
        Optional<RegistryRecord> cached = cache.get(nik);
        if (cached.isPresent()) {
            cacheHits.increment();
            record(foundInCache, start);
            return cached;
        }
        cacheMisses.increment();
        try {
            Optional<RegistryRecord> found = calls.call(() -> api.person(nik), true, "look-up of " + nik.masked());
            found.ifPresent(cache::put);
            record(found.isPresent() ? foundAtRegistry : notFoundAtRegistry, start);
            return found;
        } catch (RuntimeException e) {
            record(registryUnavailable, start);
            throw e;
        }
    }

    @Override
    public VerificationOutcome verify(EnrollmentAttributes submitted) {
        // a read at the registry: repeating it changes nothing, so it is retried like a look-up
        return calls.call(() -> api.verification(submitted), true, "verification of " + submitted.nik().masked());
    }

    @Override
    public void subscribe(RegistryEventListener listener) {
        listeners.add(listener);
    }

    private static Timer lookupTimer(MeterRegistry meters, String source, String result) {
        return Timer.builder("satupintu.registry.lookup").tag("source", source).tag("result", result)
                .description("NIK look-ups through the HTTP registry connector").register(meters);
    }

    private static void record(Timer timer, long startNanos) {
        timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
