package id.satupintu.idp.registry.embedded;

import java.util.Optional;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;

/** Where the embedded registry's records come from: fixed demo records, a synthetic generator, or both. */
public interface RegistryRecordSource {

    Optional<RegistryRecord> find(Nik nik);

    /** @return how many records the source holds */
    long size();
}
