package id.satupintu.sdk.internal.jwks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.CacheLifetime;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's signing keys (RFC 7517), shared by ID-token, logout-token and access-token checks.
 *
 * <ul>
 *   <li>Kept for the JWKS response's {@code Cache-Control: max-age}, between a floor and a ceiling.</li>
 *   <li>A token naming an unknown {@code kid} triggers one refresh (the provider may have rolled its
 *       keys), but such refreshes happen at most once per {@code unknownKeyInterval}: a flood of tokens
 *       with invented key ids costs the provider one request per interval, not one per token.</li>
 *   <li>Concurrent callers needing a fetch share the one in flight; once a key set is held, only the
 *       caller that starts a refresh waits for it, the others keep using the expiring set.</li>
 *   <li>When a refresh fails, the last good key set keeps verifying; a cold start fails with
 *       {@link Failure#PROVIDER_UNAVAILABLE}.</li>
 * </ul>
 * While the set is fresh a lookup touches no lock and no network.
 */
public final class JwksCache {

    public static final CacheLifetime LIFETIME =
            new CacheLifetime(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(24));
    public static final Duration UNKNOWN_KEY_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(JwksCache.class);

    private final Supplier<URI> location;
    private final ProviderHttp http;
    private final Clock clock;
    private final CacheLifetime lifetime;
    private final Duration unknownKeyInterval;
    private final AtomicReference<CompletableFuture<KeySet>> inFlight = new AtomicReference<>();
    private final Object unknownKeyLock = new Object();
    private volatile KeySet keys;
    private volatile Instant lastFailedAttempt = Instant.MIN;
    private Instant lastUnknownKeyRefresh = Instant.MIN;

    /** @param location the {@code jwks_uri}, read when first needed (from discovery) */
    public JwksCache(Supplier<URI> location, ProviderHttp http, Clock clock) {
        this(location, http, clock, LIFETIME, UNKNOWN_KEY_INTERVAL);
    }

    public JwksCache(Supplier<URI> location, ProviderHttp http, Clock clock, CacheLifetime lifetime,
            Duration unknownKeyInterval) {
        this.location = location;
        this.http = http;
        this.clock = clock;
        this.lifetime = lifetime;
        this.unknownKeyInterval = unknownKeyInterval;
    }

    /**
     * @return the verifier for the token's {@code kid} and algorithm, or null when the provider has no
     *         such key even after the one refresh allowed
     * @throws SatuPintuException {@link Failure#PROVIDER_UNAVAILABLE} on a cold start with the provider down
     */
    public JWSVerifier verifier(String keyId, JWSAlgorithm algorithm) {
        JWSVerifier verifier = current().verifier(keyId, algorithm);
        if (verifier != null) {
            return verifier;
        }
        synchronized (unknownKeyLock) {
            KeySet latest = keys;
            verifier = latest.verifier(keyId, algorithm);
            Instant now = clock.instant();
            if (verifier != null || now.isBefore(lastUnknownKeyRefresh.plus(unknownKeyInterval))) {
                return verifier; // refreshed by another caller meanwhile, or refreshed too recently to ask again
            }
            lastUnknownKeyRefresh = now;
            try {
                return fetchShared().verifier(keyId, algorithm);
            } catch (SatuPintuException e) {
                LOG.warn("SatuPintu JWKS refresh for an unknown key id failed: {}", e.getMessage());
                return null;
            }
        }
    }

    private KeySet current() {
        KeySet current = keys;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.expiresAt())) {
            return current;
        }
        if (current != null && now.isBefore(lastFailedAttempt.plus(unknownKeyInterval))) {
            return current; // the provider failed moments ago: do not hammer it, keep the last good keys
        }
        if (current != null && inFlight.get() != null) {
            return current; // another caller is refreshing: no request waits on a slow provider but that one
        }
        try {
            return fetchShared();
        } catch (SatuPintuException e) {
            if (current == null) {
                throw e;
            }
            LOG.warn("SatuPintu JWKS refresh failed, verifying with the last good keys: {}", e.getMessage());
            return current;
        }
    }

    private KeySet fetchShared() {
        CompletableFuture<KeySet> mine = new CompletableFuture<>();
        CompletableFuture<KeySet> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof SatuPintuException failure ? failure
                        : new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "JWKS fetch failed", e.getCause());
            }
        }
        try {
            KeySet fetched = fetch();
            keys = fetched;
            mine.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            lastFailedAttempt = clock.instant();
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.set(null);
        }
    }

    private KeySet fetch() {
        URI uri = location.get();
        ProviderHttp.Answer answer = http.get(uri, null);
        if (!answer.ok()) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "JWKS at " + uri + " answered HTTP " + answer.status());
        }
        try {
            return KeySet.parse(answer.body(), clock.instant().plus(lifetime.of(answer.cacheControl())));
        } catch (IllegalArgumentException e) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, e.getMessage() + " at " + uri);
        }
    }
}
