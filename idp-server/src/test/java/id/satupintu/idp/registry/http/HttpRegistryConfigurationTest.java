package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.data.redis.core.StringRedisTemplate;

import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.http.cache.MemoryPositiveLookupCache;
import id.satupintu.idp.registry.http.cache.PositiveLookupCache;
import id.satupintu.idp.registry.http.cache.RedisPositiveLookupCache;
import id.satupintu.idp.registry.simulator.EventTokenSigner;
import id.satupintu.idp.registry.simulator.TestPki;
import id.satupintu.idp.registry.webhook.SecurityEventTokenVerifier;
import id.satupintu.idp.testsupport.RealStores;

/** Which registry beans exist in which mode, and what a misconfigured http mode says at start-up. */
class HttpRegistryConfigurationTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withUserConfiguration(WebSecurity.class, HttpRegistryConfiguration.class,
                    id.satupintu.idp.registry.webhook.RegistryWebhookConfiguration.class)
            .withBean(ReplayCache.class, () -> new MemoryReplayCache(Clock.systemUTC()))
            .withPropertyValues("satupintu.issuer=https://satupintu.test");

    @Test
    void contextWhenModeEmbeddedOrMissingThenNoHttpConnectorAndNoWebhook() {
        context.withPropertyValues("satupintu.registry.mode=embedded").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(RegistryConnector.class);
            assertThat(ctx).doesNotHaveBean(SecurityEventTokenVerifier.class);
        });
        context.run(ctx -> assertThat(ctx).doesNotHaveBean(RegistryConnector.class));
    }

    @Test
    void contextWhenModeHttpWithoutRedisThenHttpConnectorWithMemoryCacheAndHealth() {
        context.withPropertyValues(httpMode()).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).getBean(RegistryConnector.class).isInstanceOf(HttpRegistryConnector.class);
            assertThat(ctx).getBean(PositiveLookupCache.class).isInstanceOf(MemoryPositiveLookupCache.class);
            assertThat(ctx).hasBean("registryHealthIndicator").hasSingleBean(SecurityEventTokenVerifier.class);
        });
    }

    @Test
    void contextWhenModeHttpWithRedisThenRedisCache() {
        context.withPropertyValues(httpMode()).withPropertyValues("spring.data.redis.host=127.0.0.1")
                .withBean(StringRedisTemplate.class, RealStores::redisTemplate)
                .run(ctx -> assertThat(ctx).getBean(PositiveLookupCache.class)
                        .isInstanceOf(RedisPositiveLookupCache.class));
    }

    @Test
    void contextWhenModeHttpWithoutBaseUrlThenStartupFailsNamingTheSetting() {
        context.withPropertyValues(httpMode()).withPropertyValues("satupintu.registry.http.base-url=")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("satupintu.registry.http.base-url"));
    }

    @Test
    void contextWhenModeHttpWithPlainHttpBaseUrlThenStartupFails() {
        context.withPropertyValues(httpMode()).withPropertyValues("satupintu.registry.http.base-url=http://registry.test/")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("https"));
    }

    @Test
    void contextWhenModeHttpWithoutWebhookKeysThenStartupFailsNamingTheSetting() {
        context.withPropertyValues(httpMode()).withPropertyValues("satupintu.registry.http.webhook.jwks-uri=")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("webhook.jwks-uri"));
    }

    /** What the application has: Spring Security's web configuration, which provides {@code HttpSecurity}. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class WebSecurity {
    }

    private static String[] httpMode() {
        TestPki pki = SimulatedRegistry.pki();
        return new String[] {
                "satupintu.registry.mode=http",
                "satupintu.registry.http.base-url=https://localhost:1/",
                "satupintu.registry.http.key-store=" + pki.clientKeyStore(),
                "satupintu.registry.http.key-store-password=" + TestPki.PASSWORD,
                "satupintu.registry.http.trust-store=" + pki.caTrustStore(),
                "satupintu.registry.http.trust-store-password=" + TestPki.PASSWORD,
                "satupintu.registry.http.webhook.issuer=https://registry.test",
                "satupintu.registry.http.webhook.jwks-uri=" + jwksFile().toUri()};
    }

    private static Path jwksFile() {
        try {
            Path file = Files.createTempFile("registry-jwks-", ".json");
            Files.writeString(file, new EventTokenSigner(EventTokenSigner.newKey(), "i", "a").publicKeys().toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
