package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import id.satupintu.idp.agency.LogoutChannel;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.logout.BackChannelLogout;

/**
 * Sends logout tokens to the clients of an ended session (OIDC Back-Channel Logout 1.0 §2.5): an
 * HTTP POST of {@code logout_token} as a form parameter to each registered
 * {@code backchannel_logout_uri}, from a small pool of its own, so the citizen's page never waits.
 *
 * <p>A network error or a 5xx answer is tried again with doubling waits, up to
 * {@link BackChannelLogoutProperties#attempts()} tries with the same token (its {@code jti} lets the
 * client drop a copy it did receive); a 4xx is final: the client refused the token (§2.8). Redirects
 * are not followed: the endpoint is the registered one. Every delivery and every final failure is
 * audited ({@value #SENT}, {@value #FAILED}), never with the token itself.
 */
@Component
public class BackChannelLogoutSender implements BackChannelLogout, DisposableBean {

    static final String SENT = "oidc.backchannel_logout.sent";
    static final String FAILED = "oidc.backchannel_logout.failed";

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutSender.class);

    private final RegisteredClientRepository clients;
    private final LogoutTokens tokens;
    private final AuditLog audit;
    private final BackChannelLogoutProperties properties;
    private final ScheduledExecutorService pool;
    private final HttpClient http;

    public BackChannelLogoutSender(RegisteredClientRepository clients, LogoutTokens tokens, AuditLog audit,
                                   BackChannelLogoutProperties properties) {
        this.clients = clients;
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(properties.threads(), runnable -> {
            Thread thread = new Thread(runnable, "backchannel-logout-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void notifyEnded(UUID citizenId, List<OidcParticipant> participants) {
        for (OidcParticipant participant : participants) {
            pool.execute(() -> start(citizenId, participant));
        }
    }

    private void start(UUID citizenId, OidcParticipant participant) {
        try {
            RegisteredClient client = clients.findByClientId(participant.clientId());
            String endpoint = client == null ? null : LogoutChannel.BACK.uriOf(client);
            if (endpoint == null) {
                return;
            }
            Delivery delivery = new Delivery(citizenId, client.getClientId(), URI.create(endpoint),
                    tokens.issue(client, participant));
            attempt(delivery, 1);
        } catch (RuntimeException e) {
            // a client deleted meanwhile, no signing key: nothing to retry, but it must be seen
            LOG.warn("back-channel logout for client {} not sent: {}", participant.clientId(), e.toString());
            audit.record(AuditEvent.failure(FAILED, participant.clientId(), citizenId, null,
                    Map.of("reason", "not_sent", "error", e.getClass().getSimpleName())));
        }
    }

    private record Delivery(UUID citizenId, String clientId, URI endpoint, String logoutToken) {
    }

    private void attempt(Delivery delivery, int attempt) {
        String outcome;
        boolean retryable;
        try {
            HttpResponse<Void> response = http.send(request(delivery), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status == 200 || status == 204) {
                audit.record(AuditEvent.success(SENT, delivery.clientId(), delivery.citizenId(), null,
                        Map.of("status", String.valueOf(status), "attempt", String.valueOf(attempt))));
                return;
            }
            outcome = "status_" + status;
            retryable = status >= 500;
        } catch (IOException e) {
            outcome = "network_error";
            retryable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
            retryable = false;
        }
        if (retryable && attempt < properties.attempts() && !pool.isShutdown()) {
            pool.schedule(() -> attempt(delivery, attempt + 1), properties.delayBefore(attempt + 1).toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        audit.record(AuditEvent.failure(FAILED, delivery.clientId(), delivery.citizenId(), null,
                Map.of("reason", outcome, "attempts", String.valueOf(attempt))));
    }

    private HttpRequest request(Delivery delivery) {
        return HttpRequest.newBuilder(delivery.endpoint())
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "logout_token=" + URLEncoder.encode(delivery.logoutToken(), StandardCharsets.US_ASCII)))
                .build();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
