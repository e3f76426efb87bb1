package id.satupintu.idp.registry.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.http.RegistryEventListeners;

/**
 * {@code POST /registry/events}: the registry pushes its change events here as signed Security Event
 * Tokens (RFC 8417), following Push-Based SET Delivery (RFC 8935): 202 when accepted and handed to
 * the connector's listeners, 400 with {@code {"err", "description"}} when refused (every refusal is
 * audited as {@code registry.event_rejected}), 503 when a listener failed so the registry delivers
 * the event again in a fresh token, also while nobody has subscribed yet. Only in
 * {@code satupintu.registry.mode=http}.
 */
@RestController
@ConditionalOnProperty(name = "satupintu.registry.mode", havingValue = "http")
class RegistryWebhookController {

    static final String PATH = "/registry/events";
    /** A SET with one record is about 2 KB; anything far larger is not one. */
    static final int MAX_TOKEN_LENGTH = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWebhookController.class);

    private final SecurityEventTokenVerifier verifier;
    private final RegistryEventListeners listeners;
    private final AuditLog audit;

    RegistryWebhookController(SecurityEventTokenVerifier verifier, RegistryEventListeners listeners, AuditLog audit) {
        this.verifier = verifier;
        this.listeners = listeners;
        this.audit = audit;
    }

    @PostMapping(path = PATH)
    ResponseEntity<Map<String, String>> receive(@RequestBody(required = false) String body,
                                                HttpServletRequest request) {
        RegistryEvent event;
        try {
            if (body == null || body.isBlank() || body.length() > MAX_TOKEN_LENGTH) {
                throw new RejectedEventTokenException("invalid_request", "the body is not a Security Event Token");
            }
            event = verifier.verify(body.strip());
        } catch (RejectedEventTokenException e) {
            audit.record(AuditEvent.failure("registry.event_rejected", null, null, request.getRemoteAddr(),
                    Map.of("err", e.errorCode(), "reason", e.getMessage())));
            Map<String, String> error = new LinkedHashMap<>();
            error.put("err", e.errorCode());
            error.put("description", e.getMessage());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(error);
        }
        try {
            listeners.deliver(event);
        } catch (RegistryEventListeners.NoSubscriberException e) {
            LOG.info("Registry event {} arrived before any receiver subscribed; the registry will deliver it again",
                    event.eventId());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        } catch (RuntimeException e) {
            LOG.warn("Registry event {} ({}) was not applied; the registry will deliver it again",
                    event.eventId(), event.nik().masked(), e);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        audit.record(AuditEvent.success("registry.event_received", null, null, request.getRemoteAddr(),
                Map.of("event", event.eventId(), "type", event.type().name(), "nik", event.nik().masked(),
                        "version", Long.toString(event.record().version()))));
        return ResponseEntity.accepted().build();
    }
}
