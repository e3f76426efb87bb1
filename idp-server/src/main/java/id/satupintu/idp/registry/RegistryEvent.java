package id.satupintu.idp.registry;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A change announced by the registry. Events carry the whole record after the change, so a
 * receiver never needs to replay history: it applies {@link #record()} when its
 * {@link RegistryRecord#version() version} is newer than what it holds, and ignores it otherwise.
 * That makes duplicates and out-of-order delivery harmless.
 *
 * @param eventId unique per event; a duplicate delivery carries the same id
 */
public record RegistryEvent(String eventId, RegistryEventType type, RegistryRecord record, Instant occurredAt)
        implements Serializable {

    public RegistryEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Nik nik() {
        return record.nik();
    }

    @Override
    public String toString() {
        return "RegistryEvent[" + eventId + ", " + type + ", " + record + "]";
    }
}
