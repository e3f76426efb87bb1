package id.satupintu.idp.registry.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;

import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.registry.http.cache.MemoryPositiveLookupCache;
import id.satupintu.idp.registry.http.cache.PositiveLookupCache;
import id.satupintu.idp.registry.simulator.EventTokenSigner;
import id.satupintu.idp.registry.simulator.RegistrySimulator;
import id.satupintu.idp.registry.simulator.TestPki;
import id.satupintu.idp.registry.webhook.RejectedEventTokenException;
import id.satupintu.idp.registry.webhook.SecurityEventTokenVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A test's registry service and SatuPintu's connector to it: the simulator over the demo records
 * with a fresh mutual-TLS PKI (one per JVM), and an {@link HttpRegistryConnector} with small
 * timeouts. Optionally a minimal webhook receiver doing what the webhook endpoint does (verify the
 * SET, hand the event to the connector's listeners), without Spring.
 */
final class SimulatedRegistry implements AutoCloseable {

    static final String REGISTRY_ISSUER = "https://registry.test";
    static final String SATUPINTU_AUDIENCE = "https://satupintu.test";

    /** Short enough to keep tests quick, long enough that a loaded 2-core machine still answers in time. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(1500);
    /** Breaker that stays open for the rest of a test once tripped. */
    static final HttpRegistryProperties.Breaker TRIPS_AFTER_FOUR =
            new HttpRegistryProperties.Breaker(50, 4, 4, Duration.ofMinutes(5), 2);

    private static TestPki pki;

    final RegistrySimulator simulator;
    final RegistryEventListeners listeners = new RegistryEventListeners();
    final ResilientRegistryCalls calls;
    final PositiveLookupCache cache;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final HttpRegistryConnector connector;
    private HttpServer webhookReceiver;

    /** Decides when the breaker's open state ends; tests move it forward instead of waiting. */
    final MutableClock clock = new MutableClock();

    SimulatedRegistry(int retries, HttpRegistryProperties.Breaker breaker, PositiveLookupCache cache,
                      SSLContext clientTls) {
        this.simulator = RegistrySimulator.startWithDemoRecords(pki());
        this.calls = new ResilientRegistryCalls(breaker, retries, Duration.ofMillis(10), clock);
        this.cache = cache;
        calls.bindMetrics(meters);
        this.connector = new HttpRegistryConnector(
                new RegistryApiClient(simulator.baseUrl(), clientTls, Duration.ofSeconds(3), READ_TIMEOUT),
                calls, cache, listeners, meters);
    }

    SimulatedRegistry(int retries, HttpRegistryProperties.Breaker breaker) {
        this(retries, breaker, memoryCache(), pki().clientTls());
    }

    /** Default test settings: two retries, a breaker that trips after four failed calls. */
    SimulatedRegistry() {
        this(2, TRIPS_AFTER_FOUR);
    }

    static synchronized TestPki pki() {
        if (pki == null) {
            pki = TestPki.generate();
        }
        return pki;
    }

    static PositiveLookupCache memoryCache() {
        return new MemoryPositiveLookupCache(Duration.ofMinutes(10), 1000, Clock.systemUTC());
    }

    static SSLContext tls(java.nio.file.Path keyStore, java.nio.file.Path trustStore) {
        return MutualTls.context(keyStore, TestPki.PASSWORD.toCharArray(), trustStore, TestPki.PASSWORD.toCharArray());
    }

    /** Starts a webhook receiver and has the simulator push its changes there as signed SETs. */
    SimulatedRegistry withWebhook() {
        EventTokenSigner signer = new EventTokenSigner(EventTokenSigner.newKey(), REGISTRY_ISSUER, SATUPINTU_AUDIENCE);
        SecurityEventTokenVerifier verifier = new SecurityEventTokenVerifier(new ImmutableJWKSet<>(signer.publicKeys()),
                REGISTRY_ISSUER, SATUPINTU_AUDIENCE, Duration.ofMinutes(5), new MemoryReplayCache(Clock.systemUTC()),
                Clock.systemUTC());
        try {
            webhookReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhookReceiver.createContext("/registry/events", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                int status;
                try {
                    listeners.deliver(verifier.verify(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
                    status = 202;
                } catch (RejectedEventTokenException e) {
                    status = 400;
                } catch (RuntimeException e) {
                    status = 503;
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        webhookReceiver.start();
        simulator.deliverEventsTo(URI.create("http://127.0.0.1:" + webhookReceiver.getAddress().getPort()
                + "/registry/events"), signer);
        return this;
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.parse("2026-11-28T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Override
    public void close() {
        simulator.close();
        if (webhookReceiver != null) {
            webhookReceiver.stop(0);
        }
    }
}
