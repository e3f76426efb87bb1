package id.satupintu.idp.citizen.store.jpa;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.citizen.DuplicateNikException;
import id.satupintu.idp.registry.Nik;

/** Citizen accounts in PostgreSQL (H2 in the quickstart) through Hibernate. */
@Component
class JpaCitizenStore implements CitizenStore {

    private final CitizenJpaRepository repository;
    private final EntityManager entityManager;

    JpaCitizenStore(CitizenJpaRepository repository, EntityManager entityManager) {
        this.repository = repository;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Citizen> findById(UUID id) {
        return repository.findById(id).map(CitizenEntity::toCitizen);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Citizen> findByNik(Nik nik) {
        return repository.findByNik(nik.value()).map(CitizenEntity::toCitizen);
    }

    @Override
    @Transactional
    public void save(Citizen citizen) {
        try {
            repository.saveAndFlush(CitizenEntity.from(citizen));
        } catch (DataIntegrityViolationException e) {
            throw new DuplicateNikException(citizen.nik().masked(), e);
        }
    }

    /** One conditional {@code update ... where registry_version < ?}: the database decides who wins. */
    @Override
    @Transactional
    public boolean updateFromRegistry(Citizen updated) {
        int rows = CitizenEntity.from(updated)
                .bindRegistryUpdate(entityManager.createQuery(CitizenEntity.REGISTRY_UPDATE))
                .executeUpdate();
        entityManager.clear();
        return rows == 1;
    }
}
