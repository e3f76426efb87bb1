package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.TestNiks;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.simulator.Faults.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * How the HTTP connector uses its cache: positive look-ups only, never for verification, and a cached
 * record is served while the registry is down (it is a record the registry vouched for within the
 * TTL, kept current by change events).
 */
class HttpRegistryConnectorCacheTest {

    private static final RegistryRecord RINA = DemoRegistryRecords.RINA;

    private final SimulatedRegistry registry = new SimulatedRegistry();

    @AfterEach
    void stopSimulator() {
        registry.close();
    }

    @Test
    void lookupWhenFoundThenSecondLookupServedFromCache() {
        registry.connector.lookup(RINA.nik());

        assertThat(registry.connector.lookup(RINA.nik())).contains(RINA);
        assertThat(registry.simulator.requestsReceived()).isEqualTo(1);
        assertThat(registry.meters.counter("satupintu.registry.cache", "result", "hit").count()).isEqualTo(1);
        assertThat(registry.meters.counter("satupintu.registry.cache", "result", "miss").count()).isEqualTo(1);
        assertThat(registry.meters.timer("satupintu.registry.lookup", "source", "registry", "result", "found").count())
                .isEqualTo(1);
    }

    @Test
    void lookupWhenNotFoundThenNotCachedAndAskedAgain() {
        Nik unknown = Nik.parse(TestNiks.man(1, 2, 99));
        registry.connector.lookup(unknown);

        assertThat(registry.connector.lookup(unknown)).isEmpty();
        assertThat(registry.simulator.requestsReceived()).isEqualTo(2);
    }

    @Test
    void verifyWhenRecordCachedThenStillAsksTheRegistry() {
        registry.connector.lookup(RINA.nik());
        registry.simulator.faults().always(Kind.SERVER_ERROR);

        assertThatThrownBy(() -> registry.connector.verify(new EnrollmentAttributes(RINA.nik(), RINA.fullName(),
                RINA.birthDate(), RINA.familyCardNumber()))).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void lookupWhenBreakerOpenAndRecordCachedThenServedFromCache() {
        registry.connector.lookup(RINA.nik());
        registry.simulator.faults().always(Kind.SERVER_ERROR);
        Nik other = DemoRegistryRecords.AGUS.nik();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> registry.connector.lookup(other)).isInstanceOf(RegistryUnavailableException.class);
        }
        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(registry.connector.lookup(RINA.nik())).contains(RINA);
        assertThatThrownBy(() -> registry.connector.lookup(other)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void lookupWhenChangeEventArrivedThenCacheServesTheNewVersion() {
        registry.connector.subscribe(event -> {
        });
        registry.connector.lookup(RINA.nik());
        RegistryRecord renamed = RINA.withFullName("RINA WULANDARI SARI", RINA.version() + 1, RINA.updatedAt());

        registry.listeners.deliver(new RegistryEvent("e-1",
                RegistryEventType.NAME_CHANGE, renamed, renamed.updatedAt()));

        assertThat(registry.connector.lookup(RINA.nik())).contains(renamed);
        assertThat(registry.simulator.requestsReceived()).isEqualTo(1);
    }

    @Test
    void metricsWhenBoundThenBreakerStateIsPublished() {
        assertThat(registry.meters.find("resilience4j.circuitbreaker.state").tag("name", "registry")
                .tag("state", "closed").gauge()).isNotNull()
                .satisfies(gauge -> assertThat(gauge.value()).isEqualTo(1.0));
    }
}
