package id.satupintu.idp.registry.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;

import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.registry.http.HttpRegistryProperties;

/**
 * The registry's webhook, only with {@code satupintu.registry.mode=http}: the token verifier (keys from
 * {@code satupintu.registry.http.webhook.jwks-uri}, a {@code file:} or {@code https:} URI) and a filter
 * chain of its own for {@code /registry/events}: stateless, no session, no CSRF token (the caller is a
 * server; the SET signature is the authentication), first in order so no other chain claims the path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "satupintu.registry.mode", havingValue = "http")
public class RegistryWebhookConfiguration {

    @Bean
    SecurityEventTokenVerifier securityEventTokenVerifier(HttpRegistryProperties properties, ReplayCache replayCache,
                                                          @Value("${satupintu.issuer}") String satupintuIssuer) {
        HttpRegistryProperties.Webhook webhook = properties.webhook();
        if (webhook.jwksUri() == null || webhook.issuer() == null) {
            throw new IllegalStateException("satupintu.registry.http.webhook.jwks-uri and .issuer are required "
                    + "in satupintu.registry.mode=http");
        }
        String audience = webhook.audience() != null ? webhook.audience() : satupintuIssuer;
        return new SecurityEventTokenVerifier(registryKeys(webhook.jwksUri()), webhook.issuer(), audience,
                webhook.maxAge(), replayCache, Clock.systemUTC());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain registryWebhookFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(RegistryWebhookController.PATH)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    static JWKSource<SecurityContext> registryKeys(URI jwksUri) {
        try {
            if ("file".equals(jwksUri.getScheme())) {
                return new ImmutableJWKSet<>(JWKSet.load(Path.of(jwksUri).toFile()));
            }
            if (!"https".equals(jwksUri.getScheme())) {
                throw new IllegalStateException("satupintu.registry.http.webhook.jwks-uri must be file: or https:");
            }
            return JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("The registry's JWK set could not be read", e);
        }
    }
}
