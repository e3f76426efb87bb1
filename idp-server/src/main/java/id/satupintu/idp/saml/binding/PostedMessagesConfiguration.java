package id.satupintu.idp.saml.binding;

import java.time.Clock;

import id.satupintu.idp.saml.binding.store.memory.MemoryPostedMessages;
import id.satupintu.idp.saml.binding.store.redis.RedisPostedMessages;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis when configured (a message parked on one node is claimed on another), memory for the quickstart. */
@Configuration(proxyBeanMethods = false)
public class PostedMessagesConfiguration {

    @Bean
    @ConditionalOnRedisConfigured
    PostedMessages redisPostedMessages(StringRedisTemplate redis) {
        return new RedisPostedMessages(redis);
    }

    @Bean
    @ConditionalOnRedisMissing
    PostedMessages memoryPostedMessages() {
        return new MemoryPostedMessages(Clock.systemUTC());
    }
}
