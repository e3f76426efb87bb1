package id.satupintu.idp.registry.http;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import id.satupintu.idp.registry.http.cache.MemoryPositiveLookupCache;
import id.satupintu.idp.registry.http.cache.PositiveLookupCache;
import id.satupintu.idp.registry.http.cache.RedisPositiveLookupCache;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The HTTP registry connector, active with {@code satupintu.registry.mode=http}: mutual TLS, retries,
 * circuit breaker, the positive look-up cache (Redis when configured, memory otherwise), health
 * component {@code registry} and metrics.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "satupintu.registry.mode", havingValue = "http")
@EnableConfigurationProperties(HttpRegistryProperties.class)
public class HttpRegistryConfiguration {

    /** Bounds the memory cache of a single node: at most this many records (about 2 KB each). */
    static final int MEMORY_CACHE_MAX_ENTRIES = 100_000;

    @Bean
    RegistryEventListeners registryEventListeners() {
        return new RegistryEventListeners();
    }

    @Bean
    ResilientRegistryCalls resilientRegistryCalls(HttpRegistryProperties properties,
                                                  ObjectProvider<MeterRegistry> meters) {
        ResilientRegistryCalls calls = new ResilientRegistryCalls(properties.breaker(), properties.retries(),
                properties.retryBackoff());
        meters.ifAvailable(calls::bindMetrics);
        return calls;
    }

    @Bean
    HttpRegistryConnector httpRegistryConnector(HttpRegistryProperties properties, ResilientRegistryCalls calls,
                                                PositiveLookupCache cache, RegistryEventListeners listeners,
                                                ObjectProvider<MeterRegistry> meters) {
        requireConnectionSettings(properties);
        RegistryApiClient api = new RegistryApiClient(properties.baseUrl(),
                MutualTls.context(properties.keyStore(), chars(properties.keyStorePassword()),
                        properties.trustStore(), chars(properties.trustStorePassword())),
                properties.connectTimeout(), properties.readTimeout());
        return new HttpRegistryConnector(api, calls, cache, listeners,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RegistryHealthIndicator registryHealthIndicator(ResilientRegistryCalls calls) {
        return new RegistryHealthIndicator(calls.breaker());
    }

    @Bean
    @ConditionalOnRedisConfigured
    PositiveLookupCache redisPositiveLookupCache(StringRedisTemplate redis, HttpRegistryProperties properties) {
        return new RedisPositiveLookupCache(redis, properties.cacheTtl());
    }

    @Bean
    @ConditionalOnRedisMissing
    PositiveLookupCache memoryPositiveLookupCache(HttpRegistryProperties properties) {
        return new MemoryPositiveLookupCache(properties.cacheTtl(), MEMORY_CACHE_MAX_ENTRIES, Clock.systemUTC());
    }

    private static void requireConnectionSettings(HttpRegistryProperties properties) {
        if (properties.baseUrl() == null || properties.keyStore() == null || properties.trustStore() == null) {
            throw new IllegalStateException("satupintu.registry.mode=http needs satupintu.registry.http.base-url, "
                    + ".key-store and .trust-store (README.md, 'Population registry over HTTP')");
        }
        if (!"https".equals(properties.baseUrl().getScheme())) {
            throw new IllegalStateException("satupintu.registry.http.base-url must be an https URL");
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
