package id.satupintu.idp.registry.http;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Health component {@code registry}: the registry connector's circuit breaker. CLOSED is UP,
 * HALF_OPEN is UP (trial calls are going through), OPEN and FORCED_OPEN are {@link #DEGRADED}
 * (calls fail fast; sign-in goes on from local records, enrollment asks to try later). DEGRADED
 * answers HTTP 200 (application.yml), so a registry outage is visible to operators without making
 * orchestrators restart, or load balancers drop, nodes that still sign citizens in. It never calls
 * the registry itself: health probes must not add load to a registry that is struggling.
 */
public class RegistryHealthIndicator implements HealthIndicator {

    /** The node works, with a dependency failing: between OUT_OF_SERVICE and UP in severity. */
    public static final Status DEGRADED = new Status("DEGRADED");

    private final CircuitBreaker breaker;

    public RegistryHealthIndicator(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    @Override
    public Health health() {
        CircuitBreaker.State state = breaker.getState();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        Status status = switch (state) {
            case OPEN, FORCED_OPEN -> DEGRADED;
            default -> Status.UP;
        };
        return Health.status(status)
                .withDetail("circuitBreaker", state.name())
                .withDetail("failureRate", metrics.getFailureRate())
                .withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
                .withDetail("failedCalls", metrics.getNumberOfFailedCalls())
                .withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
                .build();
    }
}
