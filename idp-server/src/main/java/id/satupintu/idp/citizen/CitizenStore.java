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
}
