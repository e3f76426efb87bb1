package id.satupintu.idp.citizen;

import java.util.Optional;
import java.util.UUID;

import id.satupintu.idp.registry.Nik;

/** Citizen accounts. One account per NIK. */
public interface CitizenStore {

    Optional<Citizen> findById(UUID id);

    Optional<Citizen> findByNik(Nik nik);

    /**
     * Inserts a new account or replaces the one with the same id.
     *
     * @throws DuplicateNikException when another account already holds the NIK
     */
    void save(Citizen citizen);

    /**
     * Brings an account up to date with a newer registry record, atomically: writes the
     * registry-derived fields of {@code updated} (name, birth date, sex, address, family card,
     * registry version, verification time, update time) and makes the account
     * {@link CitizenStatus#DECEASED} when the record says so, but only while the stored
     * {@link RegistryVerification#registryVersion()} is older than {@code updated}'s. Contact
     * details, password and any other status stay as stored, so a concurrent change to them is not
     * lost. Two nodes applying the same change, or an older change arriving late, cannot regress
     * the account: the second writer finds nothing to update.
     *
     * @param updated the account as {@link Citizen#withRegistryRecord} made it
     * @return true when this call updated the account; false when the account is gone or already
     *         holds this version or a newer one
     */
    boolean updateFromRegistry(Citizen updated);
}
