package id.satupintu.idp.registry.synthetic;

import java.util.List;
import java.util.Optional;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.RegistryRecordSource;

/**
 * Several record sources served as one, asked in order: the quickstart puts the demo records in
 * front of the synthetic population. The sources must not share NIKs; {@link SyntheticRegistry}
 * guarantees that when it is generated beside the other records.
 */
public final class CombinedRecords implements RegistryRecordSource {

    private final List<RegistryRecordSource> sources;

    public CombinedRecords(RegistryRecordSource... sources) {
        this.sources = List.of(sources);
    }

    @Override
    public Optional<RegistryRecord> find(Nik nik) {
        for (RegistryRecordSource source : sources) {
            Optional<RegistryRecord> found = source.find(nik);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public long size() {
        return sources.stream().mapToLong(RegistryRecordSource::size).sum();
    }
}
