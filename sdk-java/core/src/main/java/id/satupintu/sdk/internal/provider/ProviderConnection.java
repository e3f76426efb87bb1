package id.satupintu.sdk.internal.provider;

import id.satupintu.sdk.internal.discovery.DiscoveryCache;
import id.satupintu.sdk.internal.http.ProviderHttp;
import id.satupintu.sdk.internal.jwks.JwksCache;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the SDK keeps per provider: its HTTP access, discovery document and keys. One per issuer and
 * timeout in the JVM, so a {@code SatuPintuClient} and the {@code AccessTokenVerifier}s of the same
 * application share one JWKS cache and one discovery cache instead of fetching each on their own.
 */
public record ProviderConnection(URI issuer, ProviderHttp http, DiscoveryCache discovery, JwksCache keys) {

    private record Key(String issuer, Duration timeout) {
    }

    private static final Map<Key, ProviderConnection> CONNECTIONS = new ConcurrentHashMap<>();

    public static ProviderConnection forIssuer(URI issuer, Duration httpTimeout) {
        return CONNECTIONS.computeIfAbsent(new Key(issuer.toString(), httpTimeout), key -> create(issuer, httpTimeout));
    }

    private static ProviderConnection create(URI issuer, Duration httpTimeout) {
        ProviderHttp http = new ProviderHttp(httpTimeout);
        Clock clock = Clock.systemUTC();
        DiscoveryCache discovery = new DiscoveryCache(issuer, http, clock);
        JwksCache keys = new JwksCache(() -> discovery.metadata().jwksUri(), http, clock);
        return new ProviderConnection(issuer, http, discovery, keys);
    }
}
