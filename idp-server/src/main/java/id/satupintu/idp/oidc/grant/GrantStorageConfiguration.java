package id.satupintu.idp.oidc.grant;

import java.time.Clock;

import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.oidc.grant.store.jpa.JpaRefreshGrantStore;
import id.satupintu.idp.oidc.grant.store.memory.MemoryEphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.store.redis.RedisEphemeralAuthorizationStore;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Grant storage beans: the {@code OAuth2AuthorizationService} the authorization server picks up from the
 * context (replacing Spring's in-memory default), its ephemeral store (Redis when
 * {@code spring.data.redis.*} is set, memory otherwise), and the durable refresh-grant store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrantStorageProperties.class)
public class GrantStorageConfiguration {

    @Bean
    @ConditionalOnRedisMissing
    EphemeralAuthorizationStore memoryEphemeralAuthorizationStore(ObjectProvider<Clock> clock) {
        return new MemoryEphemeralAuthorizationStore(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnRedisConfigured
    EphemeralAuthorizationStore redisEphemeralAuthorizationStore(RedisConnectionFactory connectionFactory) {
        return new RedisEphemeralAuthorizationStore(connectionFactory);
    }

    @Bean
    RefreshGrantStore refreshGrantStore(EntityManagerFactory entityManagerFactory,
                                        PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
        return new JpaRefreshGrantStore(entityManagerFactory, transactionManager, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    HashingOAuth2AuthorizationService authorizationService(EphemeralAuthorizationStore ephemeral,
                                                           RefreshGrantStore refreshGrants, AuditLog auditLog,
                                                           ObjectProvider<Clock> clock,
                                                           GrantStorageProperties properties) {
        return new HashingOAuth2AuthorizationService(ephemeral, refreshGrants, auditLog,
                clock.getIfAvailable(Clock::systemUTC), properties.inFlightLifetime());
    }

    @Bean
    ExpiredRefreshGrantPurger expiredRefreshGrantPurger(RefreshGrantStore refreshGrants, ObjectProvider<Clock> clock,
                                                        GrantStorageProperties properties) {
        return new ExpiredRefreshGrantPurger(refreshGrants, clock.getIfAvailable(Clock::systemUTC),
                properties.purgeInterval());
    }
}
