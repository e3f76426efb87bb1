package id.satupintu.idp.oidc.replay;

import java.time.Clock;

import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.oidc.replay.store.redis.RedisReplayCache;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis when configured (shared by all nodes), memory for the single-node quickstart. */
@Configuration(proxyBeanMethods = false)
public class ReplayCacheConfiguration {

    @Bean
    @ConditionalOnRedisConfigured
    ReplayCache redisReplayCache(StringRedisTemplate redis) {
        return new RedisReplayCache(redis, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnRedisMissing
    ReplayCache memoryReplayCache() {
        return new MemoryReplayCache(Clock.systemUTC());
    }
}
