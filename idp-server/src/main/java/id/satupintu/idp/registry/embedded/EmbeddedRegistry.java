package id.satupintu.idp.registry.embedded;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.satupintu.idp.registry.AttributeMatcher;
import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.MaritalStatus;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryAddress;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.RegistryEventListener;
import id.satupintu.idp.registry.RegistryEventType;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.VerificationOutcome;

/**
 * A registry held in this process: the quickstart's and the tests' stand-in for the population
 * registry. Records come from a {@link RegistryRecordSource}; changes made through
 * {@link #recordDeath}, {@link #changeName}, {@link #changeAddress} and {@link #changeFamily}
 * bump the record's version and are published on the registry's own change feed to every
 * {@linkplain #subscribe subscriber}, exactly as the real registry's webhook would deliver them.
 *
 * <p>Changed records are kept in an overlay map in front of the source, so a source that
 * generates its records on demand (a million of them for the benchmark) is never copied.
 */
public class EmbeddedRegistry implements RegistryConnector {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);

    private final RegistryRecordSource source;
    private final Map<Nik, RegistryRecord> changed = new ConcurrentHashMap<>();
    private final List<RegistryEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public EmbeddedRegistry(RegistryRecordSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public Optional<RegistryRecord> lookup(Nik nik) {
        RegistryRecord record = changed.get(nik);
        return record != null ? Optional.of(record) : source.find(nik);
    }

    @Override
    public VerificationOutcome verify(EnrollmentAttributes submitted) {
        return AttributeMatcher.match(submitted, lookup(submitted.nik()).orElse(null));
    }

    @Override
    public void subscribe(RegistryEventListener listener) {
        listeners.add(listener);
    }

    /** @return how many records the registry holds */
    public long size() {
        return source.size();
    }

    public RegistryEvent recordDeath(Nik nik, LocalDate dateOfDeath) {
        return change(nik, RegistryEventType.DEATH, r -> r.withDeath(dateOfDeath, r.version() + 1, clock.instant()));
    }

    public RegistryEvent changeName(Nik nik, String newName) {
        return change(nik, RegistryEventType.NAME_CHANGE,
                r -> r.withFullName(newName, r.version() + 1, clock.instant()));
    }

    public RegistryEvent changeAddress(Nik nik, RegistryAddress newAddress) {
        return change(nik, RegistryEventType.ADDRESS_CHANGE,
                r -> r.withAddress(newAddress, r.version() + 1, clock.instant()));
    }

    public RegistryEvent changeFamily(Nik nik, String newFamilyCardNumber, MaritalStatus newMaritalStatus) {
        return change(nik, RegistryEventType.FAMILY_CHANGE,
                r -> r.withFamily(newFamilyCardNumber, newMaritalStatus, r.version() + 1, clock.instant()));
    }

    /**
     * Applies a change and publishes it. Listener failures are logged and do not undo the change:
     * the registry is the authority, and its feed is where a receiver catches up.
     *
     * @throws IllegalArgumentException when the registry has no record with this NIK
     */
    private RegistryEvent change(Nik nik, RegistryEventType type, UnaryOperator<RegistryRecord> change) {
        RegistryRecord updated = changed.compute(nik, (key, current) -> {
            RegistryRecord base = current != null ? current : source.find(key)
                    .orElseThrow(() -> new IllegalArgumentException("no registry record for " + key.masked()));
            return change.apply(base);
        });
        RegistryEvent event = new RegistryEvent(UUID.randomUUID().toString(), type, updated, clock.instant());
        publish(event);
        return event;
    }

    /** Delivers an event to every subscriber; also used to redeliver (duplicates) in tests. */
    public void publish(RegistryEvent event) {
        for (RegistryEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Registry event {} was not accepted by a listener", event.eventId(), e);
            }
        }
    }
}
