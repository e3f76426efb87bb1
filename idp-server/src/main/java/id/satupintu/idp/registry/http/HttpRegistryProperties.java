package id.satupintu.idp.registry.http;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code satupintu.registry.http.*}: how SatuPintu reaches the registry service when
 * {@code satupintu.registry.mode=http}. Every setting is documented in README.md.
 *
 * @param baseUrl the registry API's https base, e.g. {@code https://registry.example.go.id}
 * @param keyStore PKCS#12 file with SatuPintu's client key and certificate (mutual TLS, RFC 8446 §4.4.2)
 * @param trustStore PKCS#12 file with the CA certificates that may sign the registry's server certificate
 * @param connectTimeout time allowed to open the TCP connection and complete the TLS handshake
 * @param readTimeout time allowed for the whole answer once the request is sent
 * @param retries extra attempts after a timeout, a connection error or a 5xx (never after a 4xx)
 * @param retryBackoff the first pause between attempts; doubled each time, with ±50 % jitter
 * @param cacheTtl how long a positive look-up is served from the cache without asking the registry
 * @param breaker circuit breaker thresholds
 * @param webhook how the registry's signed change events are checked
 */
@ConfigurationProperties("satupintu.registry.http")
public record HttpRegistryProperties(URI baseUrl, Path keyStore, String keyStorePassword, Path trustStore,
                                     String trustStorePassword,
                                     @DefaultValue("2s") Duration connectTimeout,
                                     @DefaultValue("3s") Duration readTimeout,
                                     @DefaultValue("2") int retries,
                                     @DefaultValue("100ms") Duration retryBackoff,
                                     @DefaultValue("10m") Duration cacheTtl,
                                     @DefaultValue Breaker breaker,
                                     @DefaultValue Webhook webhook) {

    /**
     * @param failureRateThreshold percentage of failed calls among the last {@code slidingWindowSize} that opens it
     * @param minimumCalls calls needed before the failure rate counts
     * @param openDuration how long it stays open before letting trial calls through (half-open)
     * @param halfOpenCalls trial calls in the half-open state
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold,
                          @DefaultValue("20") int slidingWindowSize,
                          @DefaultValue("10") int minimumCalls,
                          @DefaultValue("30s") Duration openDuration,
                          @DefaultValue("3") int halfOpenCalls) {
    }

    /**
     * @param jwksUri the registry's public JWK set: a {@code file:} or {@code https:} URI
     * @param issuer the {@code iss} the registry puts in its Security Event Tokens
     * @param audience the {@code aud} SatuPintu expects (defaults to the issuer URL of SatuPintu)
     * @param maxAge how old (by {@code iat}) an event token may be when it arrives
     */
    public record Webhook(URI jwksUri, String issuer, String audience,
                          @DefaultValue("5m") Duration maxAge) {
    }
}
