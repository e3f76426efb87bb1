package id.satupintu.idp.agency.store.jpa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyJpaRepository extends JpaRepository<AgencyEntity, UUID> {

    Optional<AgencyEntity> findByCode(String code);

    List<AgencyEntity> findAllByOrderByCodeAsc();
}
