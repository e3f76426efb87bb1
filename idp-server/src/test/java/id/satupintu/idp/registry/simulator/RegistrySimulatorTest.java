package id.satupintu.idp.registry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.TestNiks;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.http.RegistryWireFormat;

/** The simulator's own promises, checked over raw HTTPS with mutual TLS. */
class RegistrySimulatorTest {

    private static TestPki pki;
    private RegistrySimulator simulator;

    private RegistrySimulator simulator() {
        synchronized (RegistrySimulatorTest.class) {
            if (pki == null) {
                pki = TestPki.generate();
            }
        }
        simulator = RegistrySimulator.startWithDemoRecords(pki);
        return simulator;
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void verificationsWhenUnknownNikOrMismatchThenByteForByteTheSameAnswer() throws Exception {
        RegistrySimulator registry = simulator();
        RegistryRecord rina = DemoRegistryRecords.RINA;
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientTls()).build();

        HttpResponse<byte[]> mismatch = verify(client, registry, new EnrollmentAttributes(rina.nik(), rina.fullName(),
                rina.birthDate(), "3374011203150008"));
        HttpResponse<byte[]> unknown = verify(client, registry, new EnrollmentAttributes(
                Nik.parse(TestNiks.man(1, 2, 99)), rina.fullName(), rina.birthDate(), rina.familyCardNumber()));

        assertThat(mismatch.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(mismatch.body()).isEqualTo(unknown.body());
        assertThat(mismatch.headers().map()).containsEntry("content-type", unknown.headers().allValues("content-type"));
    }

    @Test
    void personsWhenUnknownNikThen404ProblemWithoutTheNik() throws Exception {
        RegistrySimulator registry = simulator();
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientTls()).build();
        String nik = TestNiks.man(1, 2, 99);

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(registry.baseUrl()
                .resolve("v1/persons/" + nik)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(response.body()).doesNotContain(nik);
    }

    @Test
    void webhookWhenFirstDeliveryFailsThenSentAgainInAFreshToken() throws Exception {
        RegistrySimulator registry = simulator();
        List<String> tokens = new CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/registry/events", exchange -> {
            try (exchange) {
                tokens.add(new String(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(failedOnce.getAndSet(true) ? 202 : 503, -1);
            }
        });
        receiver.start();
        try {
            EventTokenSigner signer = new EventTokenSigner(EventTokenSigner.newKey(), "https://registry.test",
                    "https://satupintu.test");
            registry.deliverEventsTo(java.net.URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                    + "/registry/events"), signer);

            RegistryEvent event = registry.registry().recordDeath(DemoRegistryRecords.AGUS.nik(), LocalDate.of(2026, 1, 2));

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (registry.eventsDelivered() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(registry.eventsDelivered()).isEqualTo(1);
            assertThat(tokens).hasSize(2).doesNotHaveDuplicates();
            for (String token : tokens) {
                var claims = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet();
                assertThat(id.satupintu.idp.registry.webhook.RegistryEventToken.fromEventsClaim(
                        claims.getJSONObjectClaim("events")).eventId()).isEqualTo(event.eventId());
            }
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void controlWhenFaultSwitchedOnAndOffThenAnswersFollow() throws Exception {
        RegistrySimulator registry = simulator();
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientTls()).build();
        java.net.URI person = registry.baseUrl().resolve("v1/persons/" + DemoRegistryRecords.RINA.nik().value());

        assertThat(control(client, registry, "simulator/faults?kind=SERVER_ERROR").statusCode()).isEqualTo(204);
        assertThat(client.send(HttpRequest.newBuilder(person).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(503);
        control(client, registry, "simulator/faults?kind=NONE");
        assertThat(client.send(HttpRequest.newBuilder(person).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void controlWhenDeathRecordedThenRecordShowsIt() throws Exception {
        RegistrySimulator registry = simulator();
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientTls()).build();

        assertThat(control(client, registry, "simulator/deaths/" + DemoRegistryRecords.RINA.nik().value()).statusCode())
                .isEqualTo(204);

        assertThat(registry.registry().lookup(DemoRegistryRecords.RINA.nik()))
                .hasValueSatisfying(record -> assertThat(record.isDeceased()).isTrue());
    }

    private static HttpResponse<Void> control(HttpClient client, RegistrySimulator registry, String pathAndQuery)
            throws Exception {
        return client.send(HttpRequest.newBuilder(registry.baseUrl().resolve(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<byte[]> verify(HttpClient client, RegistrySimulator registry,
                                               EnrollmentAttributes attributes) throws Exception {
        return client.send(HttpRequest.newBuilder(registry.baseUrl().resolve("v1/verifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RegistryWireFormat.writeVerificationRequest(attributes)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
