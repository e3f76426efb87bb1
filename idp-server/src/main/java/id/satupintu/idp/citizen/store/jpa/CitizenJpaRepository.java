package id.satupintu.idp.citizen.store.jpa;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CitizenJpaRepository extends JpaRepository<CitizenEntity, UUID> {

    Optional<CitizenEntity> findByNik(String nik);
}
