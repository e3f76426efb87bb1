package id.satupintu.idp.agency.store.jpa;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClientJpaRepository extends JpaRepository<ClientEntity, String> {

    Optional<ClientEntity> findByClientId(String clientId);
}
