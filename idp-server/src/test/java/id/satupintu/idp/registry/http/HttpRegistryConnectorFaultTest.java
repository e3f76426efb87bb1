package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.simulator.Faults.Kind;
import id.satupintu.idp.registry.simulator.TestPki;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Every failure mode of the registry service, injected by the simulator: each ends in a
 * {@link RegistryUnavailableException} (never "no such person", never anything else), retried only
 * when another attempt can help, and counted by the circuit breaker.
 */
class HttpRegistryConnectorFaultTest {

    private static final RegistryRecord RINA = DemoRegistryRecords.RINA;

    private SimulatedRegistry registry;

    @AfterEach
    void stopSimulator() {
        if (registry != null) {
            registry.close();
        }
    }

    private SimulatedRegistry start(int retries) {
        registry = new SimulatedRegistry(retries, SimulatedRegistry.TRIPS_AFTER_FOUR);
        return registry;
    }

    @Test
    void lookupWhenRegistrySlowerThanReadTimeoutThenUnavailable() {
        start(0).simulator.faults().latency(SimulatedRegistry.READ_TIMEOUT.plusSeconds(3));

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("in time")
                .hasMessageNotContaining(RINA.nik().value());
    }

    @Test
    void lookupWhenRegistryNeverAnswersThenUnavailableAfterEveryAttemptTimedOut() {
        start(1).simulator.faults().always(Kind.NO_ANSWER);

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("in time");
        assertThat(registry.simulator.requestsReceived()).isEqualTo(2);
    }

    @Test
    void lookupWhenTwoServerErrorsThenThirdAttemptAnswers() {
        start(2).simulator.faults().next(2, Kind.SERVER_ERROR);

        assertThat(registry.connector.lookup(RINA.nik())).contains(RINA);
        assertThat(registry.simulator.requestsReceived()).isEqualTo(3);
    }

    @Test
    void lookupWhenServerErrorsOutlastRetriesThenUnavailable() {
        start(2).simulator.faults().always(Kind.SERVER_ERROR);

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("503");
        assertThat(registry.simulator.requestsReceived()).isEqualTo(3);
    }

    @Test
    void lookupWhenClientErrorThenUnavailableWithoutRetry() {
        start(2).simulator.faults().always(Kind.CLIENT_ERROR);

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("400");
        assertThat(registry.simulator.requestsReceived()).isEqualTo(1);
    }

    @Test
    void lookupWhenServerErrorsPersistThenBreakerOpensAndCallsFailFastWithoutReachingRegistry() {
        start(0).simulator.faults().always(Kind.SERVER_ERROR);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                    .isInstanceOf(RegistryUnavailableException.class);
        }
        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = registry.simulator.requestsReceived();

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("circuit breaker is open")
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThatThrownBy(() -> registry.connector.verify(attributesOf(RINA)))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(registry.simulator.requestsReceived()).isEqualTo(reached);
    }

    @Test
    void healthWhenBreakerOpenThenOutOfServiceWithStateAndWhenClosedThenUp() {
        start(0);
        RegistryHealthIndicator health = new RegistryHealthIndicator(registry.calls.breaker());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        tripBreaker();

        assertThat(health.health().getStatus()).isEqualTo(RegistryHealthIndicator.DEGRADED);
        assertThat(health.health().getDetails()).containsEntry("circuitBreaker", "OPEN");
    }

    @Test
    void breakerWhenOpenTimeElapsedAndRegistryRecoveredThenHalfOpenTrialsCloseIt() {
        Duration openFor = Duration.ofMinutes(1);
        registry = new SimulatedRegistry(0, new HttpRegistryProperties.Breaker(50, 4, 4, openFor, 2));
        tripBreaker();
        registry.simulator.faults().clear();

        registry.clock.advance(openFor.plusSeconds(1));

        assertThat(registry.connector.verify(attributesOf(RINA))).isNotNull();
        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(registry.connector.verify(attributesOf(RINA))).isNotNull();
        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void breakerWhenHalfOpenTrialFailsThenOpenAgain() {
        Duration openFor = Duration.ofMinutes(1);
        registry = new SimulatedRegistry(0, new HttpRegistryProperties.Breaker(50, 4, 4, openFor, 2));
        tripBreaker();

        registry.clock.advance(openFor.plusSeconds(1));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> registry.connector.verify(attributesOf(RINA)))
                    .isInstanceOf(RegistryUnavailableException.class);
        }

        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void lookupWhenBodyMalformedThenUnavailableNotNotFoundAndNotRetried() {
        start(2).simulator.faults().always(Kind.MALFORMED_BODY);

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("API contract");
        assertThat(registry.simulator.requestsReceived()).isEqualTo(1);
    }

    @Test
    void verifyWhenBodyMalformedThenUnavailable() {
        start(2).simulator.faults().always(Kind.MALFORMED_BODY);

        assertThatThrownBy(() -> registry.connector.verify(attributesOf(RINA)))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("API contract");
    }

    @Test
    void lookupWhenConnectionClosedOnceThenRetryAnswers() {
        start(2).simulator.faults().next(1, Kind.CLOSE_CONNECTION);

        assertThat(registry.connector.lookup(RINA.nik())).contains(RINA);
        assertThat(registry.simulator.requestsReceived()).isEqualTo(2);
    }

    @Test
    void lookupWhenConnectionAlwaysClosedThenUnavailable() {
        start(1).simulator.faults().always(Kind.CLOSE_CONNECTION);

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik()))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("connection");
    }

    @Test
    void lookupWhenNoClientCertificateThenHandshakeRefusedBeforeAnyRequest() throws Exception {
        registry = new SimulatedRegistry(0, SimulatedRegistry.TRIPS_AFTER_FOUR, SimulatedRegistry.memoryCache(),
                trustOnly(SimulatedRegistry.pki()));

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik())).isInstanceOf(RegistryUnavailableException.class);
        assertThat(registry.simulator.requestsReceived()).isZero();
    }

    @Test
    void lookupWhenClientCertificateFromAnotherCaThenHandshakeRefused() {
        TestPki pki = SimulatedRegistry.pki();
        registry = new SimulatedRegistry(0, SimulatedRegistry.TRIPS_AFTER_FOUR, SimulatedRegistry.memoryCache(),
                SimulatedRegistry.tls(pki.rogueClientKeyStore(), pki.caTrustStore()));

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik())).isInstanceOf(RegistryUnavailableException.class);
        assertThat(registry.simulator.requestsReceived()).isZero();
    }

    @Test
    void lookupWhenServerCertificateNotFromTheRegistryCaThenRefused() {
        TestPki pki = SimulatedRegistry.pki();
        registry = new SimulatedRegistry(0, SimulatedRegistry.TRIPS_AFTER_FOUR, SimulatedRegistry.memoryCache(),
                SimulatedRegistry.tls(pki.clientKeyStore(), pki.rogueCaTrustStore()));

        assertThatThrownBy(() -> registry.connector.lookup(RINA.nik())).isInstanceOf(RegistryUnavailableException.class);
        assertThat(registry.simulator.requestsReceived()).isZero();
    }

    private void tripBreaker() {
        registry.simulator.faults().always(Kind.SERVER_ERROR);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> registry.connector.verify(attributesOf(RINA)))
                    .isInstanceOf(RegistryUnavailableException.class);
        }
        assertThat(registry.calls.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static EnrollmentAttributes attributesOf(RegistryRecord record) {
        return new EnrollmentAttributes(record.nik(), record.fullName(), record.birthDate(), record.familyCardNumber());
    }

    /** A client that trusts the registry CA but has no certificate of its own to present. */
    private static SSLContext trustOnly(TestPki pki) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.caTrustStore())) {
            trust.load(in, TestPki.PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
