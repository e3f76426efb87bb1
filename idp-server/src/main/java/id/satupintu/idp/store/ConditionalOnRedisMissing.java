package id.satupintu.idp.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/** The opposite of {@link ConditionalOnRedisConfigured}: selects the in-memory store of the quickstart. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(RedisMissingCondition.class)
public @interface ConditionalOnRedisMissing {
}
