package id.satupintu.idp.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Selects the Redis implementation of a store when the operator configured Redis through
 * standard Spring properties ({@code spring.data.redis.host}, {@code .url},
 * {@code .sentinel.master} or {@code .cluster.nodes}); otherwise the in-memory one is used.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(RedisConfiguredCondition.class)
public @interface ConditionalOnRedisConfigured {
}
