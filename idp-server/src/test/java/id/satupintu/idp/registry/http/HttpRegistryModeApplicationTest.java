package id.satupintu.idp.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.simulator.EventTokenSigner;
import id.satupintu.idp.registry.simulator.RegistrySimulator;
import id.satupintu.idp.registry.simulator.TestPki;
import id.satupintu.idp.registry.webhook.RegistryEventToken;

/**
 * The whole server in {@code satupintu.registry.mode=http} against the registry simulator over mutual
 * TLS: demo citizens are seeded from the registry at start-up, keep signing in once the registry is
 * gone, and health shows the open circuit breaker; the webhook takes signed events without a session
 * or CSRF token.
 */
@SpringBootTest(properties = {
        "satupintu.registry.mode=http",
        "satupintu.demo-data=true",
        // generous: the context starts on a busy machine and seeds demo citizens from the simulator
        "satupintu.registry.http.retries=1",
        "satupintu.registry.http.connect-timeout=15s",
        "satupintu.registry.http.read-timeout=15s",
        "satupintu.registry.http.breaker.sliding-window-size=4",
        "satupintu.registry.http.breaker.minimum-calls=4",
        "satupintu.registry.http.breaker.open-duration=5m",
        "satupintu.registry.http.webhook.issuer=" + HttpRegistryModeApplicationTest.REGISTRY,
        "satupintu.registry.http.webhook.audience=" + HttpRegistryModeApplicationTest.SATUPINTU})
@AutoConfigureMockMvc
class HttpRegistryModeApplicationTest {

    static final String REGISTRY = "https://registry.test";
    static final String SATUPINTU = "https://satupintu.test";
    /** README.md's demo password; valid only with satupintu.demo-data=true. */
    private static final String DEMO_PASSWORD = "demo-warga-satu-pintu";

    private static final TestPki PKI = SimulatedRegistry.pki();
    /** Up before the context starts: demo citizens are seeded from it. */
    private static final RegistrySimulator SIMULATOR = RegistrySimulator.startWithDemoRecords(PKI);
    private static final EventTokenSigner SIGNER = new EventTokenSigner(EventTokenSigner.newKey(), REGISTRY, SATUPINTU);

    @Autowired
    private MockMvc mvc;
    @Autowired
    private RegistryConnector registry;
    @Autowired
    private AuditLog audit;
    @Autowired
    private CitizenStore citizens;

    @DynamicPropertySource
    static void registryService(DynamicPropertyRegistry properties) throws IOException {
        Path dir = Files.createTempDirectory("satupintu-http-registry-test-");
        Path jwks = dir.resolve("registry-jwks.json");
        Files.writeString(jwks, SIGNER.publicKeys().toString());
        properties.add("satupintu.data-dir", dir::toString);
        properties.add("satupintu.registry.http.base-url", () -> SIMULATOR.baseUrl().toString());
        properties.add("satupintu.registry.http.key-store", () -> PKI.clientKeyStore().toString());
        properties.add("satupintu.registry.http.key-store-password", () -> TestPki.PASSWORD);
        properties.add("satupintu.registry.http.trust-store", () -> PKI.caTrustStore().toString());
        properties.add("satupintu.registry.http.trust-store-password", () -> TestPki.PASSWORD);
        properties.add("satupintu.registry.http.webhook.jwks-uri", () -> jwks.toUri().toString());
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void loginWhenRegistryStoppedAndBreakerOpenThenDemoCitizenStillSignsInAndHealthShowsOpen() throws Exception {
        assertThat(registry).isInstanceOf(HttpRegistryConnector.class);
        SIMULATOR.close();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> registry.lookup(DemoRegistryRecords.AGUS.nik()))
                    .isInstanceOf(RegistryUnavailableException.class);
        }

        MockHttpSession session = new MockHttpSession();
        MvcResult login = mvc.perform(post("/login").session(session).with(csrf())
                .param("nik", DemoRegistryRecords.SITI.nik().value()).param("password", DEMO_PASSWORD)
                .with(request -> {
                    request.setRemoteAddr("10.99.0.1");
                    return request;
                })).andReturn();

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        String health = mvc.perform(get("/actuator/health/registry-link")).andReturn().getResponse()
                .getContentAsString();
        assertThat(health).contains("DEGRADED").contains("\"circuitBreaker\":\"OPEN\"");
        var overall = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(overall.getContentAsString()).contains("\"registry\":{\"status\":\"DEGRADED\"}");
        assertThat(overall.getStatus()).as("a registry outage must not take the node out").isEqualTo(200);
        int readiness = mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus();
        assertThat(readiness).isEqualTo(200);
    }

    @Test
    void registryEventsWhenSignedEventPostedWithoutSessionOrCsrfThenAcceptedAndReplayRefused() throws Exception {
        java.util.List<RegistryEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        registry.subscribe(received::add);
        RegistryRecord dewi = DemoRegistryRecords.DEWI;
        String token = SIGNER.sign(new RegistryEvent("evt-app-1", RegistryEventType.NAME_CHANGE,
                dewi.withFullName("DEWI LESTARI PUTRI", dewi.version() + 1, Instant.now()), Instant.now()));

        int first = mvc.perform(post("/registry/events").contentType(RegistryEventToken.MEDIA_TYPE).content(token))
                .andReturn().getResponse().getStatus();
        MvcResult replay = mvc.perform(post("/registry/events").contentType(RegistryEventToken.MEDIA_TYPE)
                .content(token)).andReturn();

        assertThat(first).isEqualTo(202);
        assertThat(received).extracting(RegistryEvent::eventId).containsExactly("evt-app-1");
        assertThat(citizens.findByNik(dewi.nik())).as("the account took the webhook's record")
                .hasValueSatisfying(account -> assertThat(account.fullName()).isEqualTo("DEWI LESTARI PUTRI"));
        assertThat(replay.getResponse().getStatus()).isEqualTo(400);
        assertThat(replay.getResponse().getContentAsString()).contains("\"err\":\"invalid_request\"");
        assertThat(replay.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(audit.recent("registry.event_rejected", 10)).isNotEmpty();
    }

}
