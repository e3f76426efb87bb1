package id.satupintu.idp.store;

import java.util.List;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when any standard Spring Data Redis connection property is set. */
public class RedisConfiguredCondition implements Condition {

    private static final List<String> REDIS_PROPERTIES = List.of(
            "spring.data.redis.host", "spring.data.redis.url",
            "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isRedisConfigured(context.getEnvironment());
    }

    static boolean isRedisConfigured(Environment environment) {
        return REDIS_PROPERTIES.stream().anyMatch(p -> {
            String value = environment.getProperty(p);
            return value != null && !value.isBlank();
        });
    }
}
