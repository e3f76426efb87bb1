package id.satupintu.idp.keys;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.agency.TokenLifetimes;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.RotationPolicy;
import id.satupintu.keys.jca.JwsSigners;
import id.satupintu.keys.store.database.DatabaseKeyBackend;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Signing keys come from the {@code keys} module's managed ring: Spring Authorization Server
 * signs through {@link ManagedKeyJwtEncoder} (ACTIVE keys only; {@link ActiveSigningKeys} is the
 * {@code JWKSource} bean for anything in Spring that asks for one), the server's own verifiers
 * and the JWKS endpoint use the published keys, and one node of the cluster rotates on schedule.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

    /** Spring Authorization Server's default ID-token lifetime; ID tokens come back as {@code id_token_hint}. */
    static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(30);

    @Bean
    RotationPolicy rotationPolicy(KeysProperties keys, SatuPintuProperties properties, TokenLifetimes lifetimes) {
        return RotationPolicyCheck.policy(keys, properties.jwksMaxAge(),
                RotationPolicyCheck.longest(lifetimes.accessToken(), lifetimes.refreshToken(), ID_TOKEN_LIFETIME));
    }

    @Bean
    KeyManager keyManager(KeyRingStore store, KeyBackend backend, ObjectProvider<Clock> clock) {
        return new KeyManager(store, Map.of(backend.id(), backend), backend, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KeyRingCache keyRingCache(KeyManager manager, KeyRingStore store, KeyBackend backend, KeyPairImport importer,
                              SatuPintuProperties properties, KeysProperties keys, JwsSigners signers,
                              ObjectProvider<Clock> clock) {
        // before the first snapshot and the first rotation step: the imported keys are the active ones
        new QuickstartKeyImport(store, importer, backend.id(), clock.getIfAvailable(Clock::systemUTC))
                .importFrom(properties.dataDir().resolve("keys").resolve("signing.jwks"));
        return new KeyRingCache(manager, signers, keys.pollInterval(),
                forgetting(backend));
    }

    /** Once per JVM: finds the fastest JCA provider of each algorithm (the start-up log names them). */
    @Bean
    JwsSigners jwsSigners() {
        return JwsSigners.onFastestProviders();
    }

    /** Every token the authorization server issues is signed here, with the ACTIVE key of its {@code alg}. */
    @Bean
    JwtEncoder jwtEncoder(KeyRingCache cache) {
        return new ManagedKeyJwtEncoder(cache);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(KeyRingCache cache) {
        return new ActiveSigningKeys(cache);
    }

    /** Verifies the server's own access tokens at userinfo, registration and admin endpoints, with every published key. */
    @Bean
    JwtDecoder jwtDecoder(KeyRingCache cache) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(new PublishedKeys(cache));
    }

    @Bean
    @ConditionalOnRedisMissing
    KeyChangeNotifier singleNodeKeyChangeNotifier() {
        return KeyChangeNotifier.SINGLE_NODE;
    }

    @Bean
    @ConditionalOnRedisConfigured
    KeyChangeNotifier redisKeyChangeNotifier(RedisConnectionFactory connectionFactory) {
        return new RedisKeyChangeNotifier(new StringRedisTemplate(connectionFactory));
    }

    /** Reloads this node's key ring as soon as another node announces a change. */
    @Bean
    @ConditionalOnRedisConfigured
    RedisMessageListenerContainer keyChangeSubscription(RedisConnectionFactory connectionFactory, KeyRingCache cache) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        container.addMessageListener((message, pattern) -> cache.refresh(), new ChannelTopic(KeyChangeNotifier.CHANNEL));
        return container;
    }

    @Bean
    MaintenanceLock maintenanceLock(DataSource dataSource) {
        return isPostgres(dataSource) ? new PostgresAdvisoryMaintenanceLock(dataSource) : new LocalMaintenanceLock();
    }

    @Bean
    KeyRingChanges keyRingChanges(KeyManager manager, KeyRingCache cache, KeyChangeNotifier notifier, AuditLog audit,
                                  KeysProperties keys, KeyRingStore store, RotationPolicy policy,
                                  SatuPintuProperties properties, ObjectProvider<Clock> clock) {
        SamlCertificateIssuer certificates = keys.samlEnabled()
                ? new SamlCertificateIssuer(manager, store, properties.issuer(), policy, clock.getIfAvailable(Clock::systemUTC))
                : null;
        return new KeyRingChanges(manager, cache, notifier, audit, certificates);
    }

    @Bean
    ScheduledKeyMaintenance scheduledKeyMaintenance(KeyManager manager, KeyRingChanges changes, MaintenanceLock lock,
                                                    KeysProperties keys, RotationPolicy policy) {
        Map<KeyPurpose, List<KeySpec>> wanted = new java.util.EnumMap<>(KeyPurpose.class);
        wanted.put(KeyPurpose.OIDC_SIGNING, keys.oidcKeyAlgorithms().stream().map(KeySpec::of).toList());
        // SAML rings rotate under the same policy as OIDC (one policy per maintenance step, for now)
        wanted.putAll(keys.samlKeySpecs());
        // SAML keys get their certificate in the same change (KeyRingChanges)
        return new ScheduledKeyMaintenance(manager, changes, lock, wanted, policy, keys.maintenanceInterval());
    }

    /** The SAML signing key, metadata certificates and decryption keys, from this node's snapshot. */
    @Bean
    SamlCredentials samlCredentials(KeyRingCache cache) {
        return new SamlCredentials(cache);
    }

    /** The database back end keeps decrypted private keys in memory; the others hold none. */
    private static java.util.function.Consumer<String> forgetting(KeyBackend backend) {
        if (backend instanceof DatabaseKeyBackend) {
            DatabaseKeyBackend decrypting = (DatabaseKeyBackend) backend;
            return decrypting::evict;
        }
        return kid -> { };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new KeyStoreFailure("cannot reach the database for the key maintenance lock", e);
        }
    }
}
