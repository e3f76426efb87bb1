package id.satupintu.idp.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.oidc.replay.store.memory.MemoryReplayCache;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.http.RegistryEventListeners;
import id.satupintu.idp.registry.simulator.EventTokenSigner;

/**
 * The registry webhook: a signed SET (RFC 8417) pushed per RFC 8935 is accepted once and handed to
 * the listeners; every kind of bad token is refused with 400, an RFC 8935 error code and an audit
 * event; a redelivered event in a fresh token is accepted and harmless.
 */
class RegistryWebhookControllerTest {

    private static final String REGISTRY = "https://registry.test";
    private static final String SATUPINTU = "https://satupintu.test";
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final EventTokenSigner signer = new EventTokenSigner(EventTokenSigner.newKey(), REGISTRY, SATUPINTU);
    private final List<RegistryEvent> delivered = new CopyOnWriteArrayList<>();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private RegistryWebhookController webhook;

    @BeforeEach
    void webhook() {
        RegistryEventListeners listeners = new RegistryEventListeners();
        listeners.add(delivered::add);
        SecurityEventTokenVerifier verifier = new SecurityEventTokenVerifier(new ImmutableJWKSet<>(signer.publicKeys()),
                REGISTRY, SATUPINTU, MAX_AGE, new MemoryReplayCache(Clock.systemUTC()), Clock.systemUTC());
        webhook = new RegistryWebhookController(verifier, listeners, audit);
    }

    @Test
    void receiveWhenValidTokenThenAcceptedAndDeliveredOnce() {
        RegistryEvent event = deathOfSiti();

        ResponseEntity<Map<String, String>> response = post(signer.sign(event));

        assertThat(response.getStatusCode().value()).isEqualTo(202);
        assertThat(delivered).singleElement().satisfies(received -> {
            assertThat(received.eventId()).isEqualTo(event.eventId());
            assertThat(received.type()).isEqualTo(RegistryEventType.DEATH);
            assertThat(received.record()).isEqualTo(event.record());
        });
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("registry.event_received");
            assertThat(e.detail().toString()).doesNotContain(event.nik().value());
        });
    }

    @Test
    void receiveWhenSameTokenPostedAgainThenRefusedAsReplay() {
        String token = signer.sign(deathOfSiti());
        post(token);

        assertRejected(post(token), "invalid_request");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void receiveWhenSameEventRedeliveredInFreshTokenThenAcceptedAndHarmless() {
        RegistryEvent event = deathOfSiti();
        post(signer.sign(event));

        ResponseEntity<Map<String, String>> again = post(signer.sign(event));

        assertThat(again.getStatusCode().value()).isEqualTo(202);
        assertThat(delivered).hasSize(2).allSatisfy(e -> assertThat(e.eventId()).isEqualTo(event.eventId()));
    }

    @Test
    void receiveWhenSignedByAnotherKeyThenRefused() {
        EventTokenSigner impostor = new EventTokenSigner(EventTokenSigner.newKey(), REGISTRY, SATUPINTU);

        assertRejected(post(impostor.sign(deathOfSiti())), "authentication_failed");
    }

    @Test
    void receiveWhenSignatureTamperedThenRefused() {
        String token = signer.sign(deathOfSiti());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);

        assertRejected(post(tampered), "authentication_failed");
    }

    @Test
    void receiveWhenTypHeaderIsPlainJwtThenRefused() {
        ECKey key = EventTokenSigner.newKey();
        EventTokenSigner other = new EventTokenSigner(key, REGISTRY, SATUPINTU);
        SecurityEventTokenVerifier verifier = new SecurityEventTokenVerifier(new ImmutableJWKSet<>(other.publicKeys()),
                REGISTRY, SATUPINTU, MAX_AGE, new MemoryReplayCache(Clock.systemUTC()), Clock.systemUTC());
        String plainJwt = plainJwt(key);

        assertThatThrownBy(() -> verifier.verify(plainJwt))
                .isInstanceOf(RejectedEventTokenException.class)
                .satisfies(e -> assertThat(((RejectedEventTokenException) e).errorCode()).isEqualTo("authentication_failed"));
    }

    @Test
    void receiveWhenIssuerIsNotTheRegistryThenRefused() {
        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.issuer("https://elsewhere.test"))),
                "invalid_issuer");
    }

    @Test
    void receiveWhenAudienceIsNotSatuPintuThenRefused() {
        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.audience("https://other-idp.test"))),
                "invalid_audience");
    }

    @Test
    void receiveWhenIssuedTooLongAgoThenRefused() {
        Date stale = Date.from(Instant.now().minus(MAX_AGE).minusSeconds(30));

        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.issueTime(stale))), "invalid_request");
    }

    @Test
    void receiveWhenIssuedInTheFutureThenRefused() {
        Date future = Date.from(Instant.now().plus(Duration.ofMinutes(10)));

        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.issueTime(future))), "invalid_request");
    }

    @Test
    void receiveWhenNoJtiThenRefused() {
        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.jwtID(null))), "invalid_request");
    }

    @Test
    void receiveWhenEventsClaimMalformedThenRefused() {
        assertRejected(post(signer.sign(deathOfSiti(), claims -> claims.claim("events",
                Map.of(RegistryEventToken.EVENT_TYPE, Map.of("event_id", "x"))))), "invalid_request");
    }

    @Test
    void receiveWhenBodyIsNotAJwsThenRefused() {
        assertRejected(post("this is not a token"), "invalid_request");
        assertRejected(post(null), "invalid_request");
    }

    @Test
    void receiveWhenListenerFailsThenServiceUnavailableSoTheRegistryRetries() {
        RegistryEventListeners failing = new RegistryEventListeners();
        failing.add(event -> {
            throw new IllegalStateException("database down");
        });
        RegistryWebhookController withFailingListener = new RegistryWebhookController(
                new SecurityEventTokenVerifier(new ImmutableJWKSet<>(signer.publicKeys()), REGISTRY, SATUPINTU, MAX_AGE,
                        new MemoryReplayCache(Clock.systemUTC()), Clock.systemUTC()), failing, audit);

        ResponseEntity<Map<String, String>> response = withFailingListener.receive(signer.sign(deathOfSiti()),
                new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void receiveWhenNobodySubscribedYetThenServiceUnavailableSoTheEventIsNotLost() {
        RegistryWebhookController withoutSubscribers = new RegistryWebhookController(
                new SecurityEventTokenVerifier(new ImmutableJWKSet<>(signer.publicKeys()), REGISTRY, SATUPINTU, MAX_AGE,
                        new MemoryReplayCache(Clock.systemUTC()), Clock.systemUTC()), new RegistryEventListeners(), audit);

        ResponseEntity<Map<String, String>> response = withoutSubscribers.receive(signer.sign(deathOfSiti()),
                new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(503);
    }

    private ResponseEntity<Map<String, String>> post(String body) {
        return webhook.receive(body, new MockHttpServletRequest("POST", RegistryWebhookController.PATH));
    }

    private void assertRejected(ResponseEntity<Map<String, String>> response, String errorCode) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("err", errorCode).containsKey("description");
        assertThat(audit.events).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("registry.event_rejected");
            assertThat(e.outcome()).isEqualTo("failure");
            assertThat(e.detail()).containsEntry("err", errorCode);
        });
    }

    private static RegistryEvent deathOfSiti() {
        RegistryRecord dead = DemoRegistryRecords.SITI.withDeath(LocalDate.of(2026, 11, 1), 2, Instant.now());
        return new RegistryEvent(UUID.randomUUID().toString(), RegistryEventType.DEATH, dead, Instant.now());
    }

    private static String plainJwt(ECKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(REGISTRY).audience(SATUPINTU).issueTime(new Date())
                            .jwtID("j-1").claim("events", RegistryEventToken.eventsClaim(deathOfSiti())).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps what is recorded, for assertions. */
    private static final class RecordingAuditLog implements AuditLog {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> recent(String type, int limit) {
            return events.stream().filter(e -> e.type().equals(type)).limit(limit).toList();
        }
    }
}
