package id.satupintu.idp.registry.http;

import java.util.function.Supplier;

import id.satupintu.idp.registry.RegistryUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Runs registry calls through Resilience4j: a bounded {@link Retry} with exponential backoff and
 * jitter around a {@link CircuitBreaker}, so every attempt counts towards the breaker and an open
 * breaker stops the retries at once. Only {@linkplain RegistryCallFailure#retryable() retryable}
 * failures are retried, and only calls the caller declares idempotent. Whatever fails leaves here as
 * a {@link RegistryUnavailableException}.
 */
public class ResilientRegistryCalls {

    public static final String NAME = "registry";

    private final CircuitBreakerRegistry breakers;
    private final CircuitBreaker breaker;
    private final RetryRegistry retries;
    private final Retry retry;

    public ResilientRegistryCalls(HttpRegistryProperties.Breaker breakerSettings, int extraAttempts,
                                  java.time.Duration retryBackoff) {
        this(breakerSettings, extraAttempts, retryBackoff, java.time.Clock.systemUTC());
    }

    /** @param clock when the open state ends (tests move it instead of waiting) */
    public ResilientRegistryCalls(HttpRegistryProperties.Breaker breakerSettings, int extraAttempts,
                                  java.time.Duration retryBackoff, java.time.Clock clock) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breakerSettings.slidingWindowSize())
                .minimumNumberOfCalls(breakerSettings.minimumCalls())
                .failureRateThreshold(breakerSettings.failureRateThreshold())
                .waitDurationInOpenState(breakerSettings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(breakerSettings.halfOpenCalls())
                .recordExceptions(RegistryCallFailure.class)
                .build());
        this.breaker = breakers.circuitBreaker(NAME);
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(extraAttempts + 1)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retryBackoff, 2.0, 0.5))
                .retryOnException(e -> e instanceof RegistryCallFailure failure && failure.retryable())
                .build());
        this.retry = retries.retry(NAME);
    }

    /**
     * @param idempotent true when repeating the call cannot change anything at the registry (both
     *                   calls of the registry API are reads); only those are retried
     * @param what       short description for the exception, with a masked NIK at most
     */
    public <T> T call(Supplier<T> call, boolean idempotent, String what) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, call);
        Supplier<T> attempted = idempotent ? Retry.decorateSupplier(retry, guarded) : guarded;
        try {
            return attempted.get();
        } catch (CallNotPermittedException e) {
            throw new RegistryUnavailableException("The registry circuit breaker is open; " + what + " not attempted", e);
        } catch (RegistryCallFailure e) {
            throw new RegistryUnavailableException(e.getMessage(), e);
        }
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public Retry retry() {
        return retry;
    }

    /** Publishes the breaker's and the retry's metrics ({@code resilience4j.circuitbreaker.*}, {@code resilience4j.retry.*}). */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry meters) {
        io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers)
                .bindTo(meters);
        io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }
}
