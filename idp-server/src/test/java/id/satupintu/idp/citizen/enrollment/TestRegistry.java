package id.satupintu.idp.citizen.enrollment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import id.satupintu.idp.registry.AttributeMatcher;
import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryConnector;
import id.satupintu.idp.registry.RegistryEventListener;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.RegistryUnavailableException;
import id.satupintu.idp.registry.VerificationOutcome;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;

/**
 * The enrollment tests' registry: the demo records (so that demo accounts still seed) plus records a test
 * {@linkplain #add adds}, matched by the real {@link AttributeMatcher}; it can be made
 * {@linkplain #setUnavailable unreachable}.
 */
public class TestRegistry implements RegistryConnector {

    private final Map<Nik, RegistryRecord> records = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailable = new AtomicBoolean();

    public TestRegistry() {
        DemoRegistryRecords.all().forEach(this::add);
    }

    public RegistryRecord add(RegistryRecord record) {
        records.put(record.nik(), record);
        return record;
    }

    public void setUnavailable(boolean value) {
        unavailable.set(value);
    }

    @Override
    public Optional<RegistryRecord> lookup(Nik nik) {
        failIfUnavailable();
        return Optional.ofNullable(records.get(nik));
    }

    @Override
    public VerificationOutcome verify(EnrollmentAttributes submitted) {
        failIfUnavailable();
        return AttributeMatcher.match(submitted, records.get(submitted.nik()));
    }

    @Override
    public void subscribe(RegistryEventListener listener) {
        // no change events in these tests
    }

    private void failIfUnavailable() {
        if (unavailable.get()) {
            throw new RegistryUnavailableException("test registry switched off");
        }
    }
}
