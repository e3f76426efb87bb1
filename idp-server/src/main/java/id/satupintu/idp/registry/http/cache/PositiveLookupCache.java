package id.satupintu.idp.registry.http.cache;

import java.util.Optional;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;

/**
 * Registry records that a look-up found, kept for a while so that repeated look-ups do not reach
 * the registry. Only positive answers are kept: a NIK the registry does not know is asked again
 * next time (it may have just been issued). Verification for enrollment never reads this cache.
 * Change events {@linkplain #refresh refresh} an entry, so a death or a new name is not hidden by it.
 */
public interface PositiveLookupCache {

    Optional<RegistryRecord> get(Nik nik);

    /** Keeps the record for the cache's time to live. */
    void put(RegistryRecord record);

    /** Replaces a cached entry with a newer version of the record; does nothing when none is cached. */
    void refresh(RegistryRecord newer);
}
