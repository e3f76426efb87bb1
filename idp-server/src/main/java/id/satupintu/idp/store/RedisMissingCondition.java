package id.satupintu.idp.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Redis connection is configured: the quickstart's in-memory stores apply. */
public class RedisMissingCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !RedisConfiguredCondition.isRedisConfigured(context.getEnvironment());
    }
}
