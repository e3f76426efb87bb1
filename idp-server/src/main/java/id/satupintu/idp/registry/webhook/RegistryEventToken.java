package id.satupintu.idp.registry.webhook;

import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;

import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.http.MalformedRegistryMessageException;
import id.satupintu.idp.registry.http.RegistryWireFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a registry change travels in a Security Event Token (RFC 8417): the JWS header's {@code typ}
 * is {@code secevent+jwt} (§2.3), and the {@code events} claim holds exactly one event under
 * {@link #EVENT_TYPE}, whose payload is {@code {event_id, type, occurred_at, record}} with the
 * record in the registry API's JSON. See {@code registry/registry-api.yaml}, webhook {@code registryEvent}.
 */
public final class RegistryEventToken {

    /** RFC 8417 §2.3 explicit typing. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("secevent+jwt");
    /** The media type of a pushed SET, RFC 8935 §2. */
    public static final String MEDIA_TYPE = "application/secevent+jwt";
    /** The event type URI of a registry record change. */
    public static final String EVENT_TYPE = "https://satupintu.id/secevent/registry/record-changed";

    private RegistryEventToken() {
    }

    /** @return the value of the {@code events} claim for one registry event */
    public static Map<String, Object> eventsClaim(RegistryEvent event) {
        ObjectNode payload = RegistryWireFormat.newObject();
        payload.put("event_id", event.eventId());
        payload.put("type", event.type().name());
        payload.put("occurred_at", event.occurredAt().toString());
        payload.set("record", RegistryWireFormat.recordNode(event.record()));
        return Map.of(EVENT_TYPE, RegistryWireFormat.toMap(payload));
    }

    /** @throws MalformedRegistryMessageException when the claim does not hold one well-formed registry event */
    public static RegistryEvent fromEventsClaim(Map<String, Object> events) {
        if (events == null || events.size() != 1 || !(events.get(EVENT_TYPE) instanceof Map<?, ?> payload)) {
            throw new MalformedRegistryMessageException("'events' does not hold exactly one registry event");
        }
        @SuppressWarnings("unchecked")
        JsonNode node = RegistryWireFormat.fromMap((Map<String, Object>) payload);
        String type = RegistryWireFormat.requiredString(node, "type");
        RegistryEventType eventType;
        try {
            eventType = RegistryEventType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new MalformedRegistryMessageException("unknown value of 'type'");
        }
        return new RegistryEvent(RegistryWireFormat.requiredString(node, "event_id"), eventType,
                RegistryWireFormat.record(node.get("record")), RegistryWireFormat.instant(node, "occurred_at"));
    }
}
