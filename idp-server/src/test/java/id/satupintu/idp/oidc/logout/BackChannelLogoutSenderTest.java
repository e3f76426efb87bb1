package id.satupintu.idp.oidc.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

/** Delivery of logout tokens to a real local HTTP endpoint: retries, final failures, audit. */
class BackChannelLogoutSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static RSAKey key;

    private final BackChannelReceiver receiver = new BackChannelReceiver();
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final UUID citizen = UUID.randomUUID();
    private BackChannelLogoutSender sender;

    @BeforeAll
    static void signingKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("rs").algorithm(JWSAlgorithm.RS256).generate();
    }

    @AfterEach
    void stop() {
        receiver.close();
        if (sender != null) {
            sender.destroy();
        }
    }

    private BackChannelLogoutSender sender(RegisteredClient... clients) {
        LogoutTokens tokens = new LogoutTokens(new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))),
                "https://id.satupintu.example", java.time.Clock.systemUTC());
        sender = new BackChannelLogoutSender(new InMemoryRegisteredClientRepository(clients), tokens, audit,
                new BackChannelLogoutProperties(3, Duration.ofMillis(50), Duration.ofSeconds(2), 2));
        return sender;
    }

    private void awaitAudit(String type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (audit.recent(type, 100).size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @Test
    void notifyWhenClientRegisteredEndpointThenFormPostOfSignedLogoutTokenAndAudited() throws Exception {
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);

        sender(client).notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub-1", "sid-1")));

        List<BackChannelReceiver.Received> received = receiver.awaitReceived(1, WAIT);
        assertThat(received).singleElement().satisfies(post -> {
            assertThat(post.contentType()).isEqualTo("application/x-www-form-urlencoded");
            SignedJWT token = SignedJWT.parse(post.logoutToken());
            assertThat(token.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
            assertThat(token.getJWTClaimsSet().getStringClaim("sid")).isEqualTo("sid-1");
            assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("sub-1");
        });
        awaitAudit(BackChannelLogoutSender.SENT, 1);
        assertThat(audit.recent(BackChannelLogoutSender.SENT, 10)).singleElement().satisfies(event -> {
            assertThat(event.clientId()).isEqualTo(client.getClientId());
            assertThat(event.citizenId()).isEqualTo(citizen);
            assertThat(event.detail()).containsEntry("attempt", "1").containsEntry("status", "200");
            assertThat(event.detail().toString()).doesNotContain(received.get(0).logoutToken());
        });
    }

    @Test
    void notifyWhenEndpointAnswers503ThenRetriedWithSameTokenAndSentOnSecondAttempt() throws Exception {
        receiver.answering(503);
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);

        sender(client).notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub", "sid")));

        List<BackChannelReceiver.Received> received = receiver.awaitReceived(2, WAIT);
        assertThat(received).extracting(BackChannelReceiver.Received::answeredWith).containsExactly(503, 200);
        assertThat(received.get(1).logoutToken()).isEqualTo(received.get(0).logoutToken());
        awaitAudit(BackChannelLogoutSender.SENT, 1);
        assertThat(audit.recent(BackChannelLogoutSender.SENT, 10)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("attempt", "2"));
        assertThat(audit.recent(BackChannelLogoutSender.FAILED, 10)).isEmpty();
    }

    @Test
    void notifyWhenEndpointKeepsFailingThenThreeTriesAndFailureAudited() throws Exception {
        receiver.answering(500, 502, 503, 200);
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);

        sender(client).notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub", "sid")));

        awaitAudit(BackChannelLogoutSender.FAILED, 1);
        assertThat(audit.recent(BackChannelLogoutSender.FAILED, 10)).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo("failure");
            assertThat(event.detail()).containsEntry("reason", "status_503").containsEntry("attempts", "3");
        });
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(receiver.received()).hasSize(3);
        assertThat(audit.recent(BackChannelLogoutSender.SENT, 10)).isEmpty();
    }

    @Test
    void notifyWhenEndpointRefusesWith400ThenNotRetried() throws Exception {
        receiver.answering(400);
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);

        sender(client).notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub", "sid")));

        awaitAudit(BackChannelLogoutSender.FAILED, 1);
        assertThat(audit.recent(BackChannelLogoutSender.FAILED, 10)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("reason", "status_400")
                        .containsEntry("attempts", "1"));
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void notifyWhenEndpointUnreachableThenNetworkErrorAfterThreeTries() throws Exception {
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);
        receiver.close();

        sender(client).notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub", "sid")));

        awaitAudit(BackChannelLogoutSender.FAILED, 1);
        assertThat(audit.recent(BackChannelLogoutSender.FAILED, 10)).singleElement()
                .satisfies(event -> assertThat(event.detail()).containsEntry("reason", "network_error")
                        .containsEntry("attempts", "3"));
    }

    @Test
    void notifyWhenClientRegisteredNoEndpointThenNothingSentNorAudited() throws Exception {
        RegisteredClient without = TestLogoutClients.client(null, SignatureAlgorithm.RS256);
        RegisteredClient with = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);

        sender(without, with).notifyEnded(citizen, List.of(new OidcParticipant(without.getClientId(), "a", "sid"),
                new OidcParticipant(with.getClientId(), "b", "sid")));

        List<BackChannelReceiver.Received> received = receiver.awaitReceived(1, WAIT);
        awaitAudit(BackChannelLogoutSender.SENT, 1);
        TimeUnit.MILLISECONDS.sleep(200);
        assertThat(received).singleElement().satisfies(post ->
                assertThat(SignedJWT.parse(post.logoutToken()).getJWTClaimsSet().getAudience())
                        .containsExactly(with.getClientId()));
        assertThat(audit.recent(BackChannelLogoutSender.SENT, 10)).extracting(AuditEvent::clientId)
                .containsExactly(with.getClientId());
        assertThat(audit.recent(BackChannelLogoutSender.FAILED, 10)).isEmpty();
    }

    @Test
    void notifyWhenEndpointSlowThenCallerNotBlocked() throws Exception {
        RegisteredClient client = TestLogoutClients.client(receiver.uri(), SignatureAlgorithm.RS256);
        BackChannelLogoutSender asynchronous = sender(client);

        long started = System.nanoTime();
        asynchronous.notifyEnded(citizen, List.of(new OidcParticipant(client.getClientId(), "sub", "sid")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        receiver.awaitReceived(1, WAIT);
    }
}
