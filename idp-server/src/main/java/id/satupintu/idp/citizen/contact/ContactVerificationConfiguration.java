package id.satupintu.idp.citizen.contact;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import id.satupintu.idp.citizen.contact.store.memory.MemoryOneTimeCodeStore;
import id.satupintu.idp.citizen.contact.store.redis.RedisOneTimeCodeStore;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;

/**
 * Contact verification: codes in Redis when configured (shared by all nodes), memory for the
 * single-node quickstart; the logging sender unless the deployment provides a {@link OneTimeCodeSender}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OneTimeCodeProperties.class)
class ContactVerificationConfiguration {

    @Bean
    @ConditionalOnRedisConfigured
    OneTimeCodeStore redisOneTimeCodeStore(StringRedisTemplate redis) {
        return new RedisOneTimeCodeStore(redis);
    }

    @Bean
    @ConditionalOnRedisMissing
    OneTimeCodeStore memoryOneTimeCodeStore() {
        return new MemoryOneTimeCodeStore(Clock.systemUTC());
    }

    /** Used only while no other {@link OneTimeCodeSender} bean exists: a deployment's own sender wins. */
    @Bean
    @Fallback
    OneTimeCodeSender loggingOneTimeCodeSender() {
        return new LoggingOneTimeCodeSender();
    }

    @Bean
    OneTimeCodes oneTimeCodes(OneTimeCodeStore store, OneTimeCodeSender sender, OneTimeCodeProperties properties) {
        return new OneTimeCodes(store, sender, properties, Clock.systemUTC());
    }
}
