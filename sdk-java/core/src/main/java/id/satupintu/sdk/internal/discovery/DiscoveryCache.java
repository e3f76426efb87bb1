package id.satupintu.sdk.internal.discovery;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.ProviderMetadata;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.http.CacheLifetime;
import id.satupintu.sdk.internal.http.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's discovery document, fetched lazily and kept for its {@code Cache-Control} lifetime.
 * When a refresh fails the last good copy keeps being served (a provider outage must not sign every
 * citizen out of every application), and the failed provider is asked again at most once per retry
 * interval. Only a cold start with the provider down fails, with {@link Failure#PROVIDER_UNAVAILABLE}.
 */
public final class DiscoveryCache {

    public static final CacheLifetime LIFETIME =
            new CacheLifetime(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24));
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryCache.class);

    private record Cached(DiscoveryDocument.Parsed document, Instant expiresAt) {
        ProviderMetadata metadata() {
            return document.metadata();
        }
    }

    private final URI issuer;
    private final URI location;
    private final ProviderHttp http;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached cached;
    private volatile Instant lastAttempt = Instant.MIN;

    public DiscoveryCache(URI issuer, ProviderHttp http, Clock clock) {
        this.issuer = issuer;
        // OpenID Connect Discovery 1.0 §4.1: the issuer with any trailing slash removed, then the well-known path
        String base = issuer.toString().endsWith("/") ? issuer.toString().substring(0, issuer.toString().length() - 1)
                : issuer.toString();
        this.location = URI.create(base + "/.well-known/openid-configuration");
        this.http = http;
        this.clock = clock;
    }

    public ProviderMetadata metadata() {
        return document().metadata();
    }

    /**
     * @return whether the provider says it puts {@code iss} in every authorization response (RFC 9207 §3);
     *         then a response without it must be refused (§2.4)
     */
    public boolean issuerInResponses() {
        return document().issuerInResponses();
    }

    private DiscoveryDocument.Parsed document() {
        Cached current = cached;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.expiresAt())) {
            return current.document();
        }
        if (current != null && !refreshing.tryLock()) {
            return current.document(); // another caller is fetching; the stale copy is good for the moment
        }
        if (current == null) {
            refreshing.lock();
        }
        try {
            current = cached;
            if (current != null && (now.isBefore(current.expiresAt()) || now.isBefore(lastAttempt.plus(RETRY_INTERVAL)))) {
                return current.document();
            }
            lastAttempt = now;
            try {
                Cached fresh = fetch(now);
                cached = fresh;
                return fresh.document();
            } catch (SatuPintuException e) {
                if (current == null) {
                    throw e;
                }
                LOG.warn("SatuPintu discovery refresh failed, serving the last good copy: {}", e.getMessage());
                return current.document();
            }
        } finally {
            refreshing.unlock();
        }
    }

    private Cached fetch(Instant now) {
        ProviderHttp.Answer answer = http.get(location, null);
        if (!answer.ok()) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE,
                    "discovery at " + location + " answered HTTP " + answer.status());
        }
        try {
            return new Cached(DiscoveryDocument.parse(answer.body(), issuer), now.plus(LIFETIME.of(answer.cacheControl())));
        } catch (IllegalArgumentException e) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, e.getMessage());
        }
    }
}
