package id.satupintu.idp.registry.simulator;

import java.util.List;
import java.util.Optional;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.RegistryRecordSource;

/** Several record sources in order: the first that knows a NIK answers. */
final class CombinedRecords implements RegistryRecordSource {

    private final List<RegistryRecordSource> sources;

    CombinedRecords(List<RegistryRecordSource> sources) {
        this.sources = sources;
    }

    @Override
    public Optional<RegistryRecord> find(Nik nik) {
        for (RegistryRecordSource source : sources) {
            Optional<RegistryRecord> record = source.find(nik);
            if (record.isPresent()) {
                return record;
            }
        }
        return Optional.empty();
    }

    @Override
    public long size() {
        return sources.stream().mapToLong(RegistryRecordSource::size).sum();
    }
}
