package id.satupintu.idp.registry.embedded;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;

/** A record source holding a given collection of records, e.g. the demo records or a test's fixtures. */
public final class FixedRecords implements RegistryRecordSource {

    private final Map<Nik, RegistryRecord> records;

    public FixedRecords(Collection<RegistryRecord> records) {
        this.records = records.stream().collect(Collectors.toUnmodifiableMap(RegistryRecord::nik, Function.identity()));
    }

    @Override
    public Optional<RegistryRecord> find(Nik nik) {
        return Optional.ofNullable(records.get(nik));
    }

    @Override
    public long size() {
        return records.size();
    }
}
