package id.satupintu.sdk.internal.http;

import java.time.Duration;
import java.util.Locale;

/**
 * How long to keep a provider document, from its {@code Cache-Control} (RFC 9111 §5.2.2), kept
 * within a floor (so {@code no-cache} or {@code max-age=0} cannot make every request a fetch) and a
 * ceiling (so a key removed at the provider stops being trusted within a bounded time).
 */
public record CacheLifetime(Duration floor, Duration fallback, Duration ceiling) {

    public Duration of(String cacheControl) {
        if (cacheControl == null) {
            return fallback;
        }
        Duration lifetime = fallback;
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String trimmed = directive.trim();
            if (trimmed.equals("no-cache") || trimmed.equals("no-store")) {
                return floor;
            }
            if (trimmed.startsWith("max-age=")) {
                try {
                    lifetime = Duration.ofSeconds(Long.parseLong(trimmed.substring(8).replace("\"", "")));
                } catch (NumberFormatException e) {
                    // RFC 9111 §4.2.1: an invalid max-age is ignored; keep the fallback
                }
            }
        }
        return lifetime.compareTo(floor) < 0 ? floor : lifetime.compareTo(ceiling) > 0 ? ceiling : lifetime;
    }
}
