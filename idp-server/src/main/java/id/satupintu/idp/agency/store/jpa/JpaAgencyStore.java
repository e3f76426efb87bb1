package id.satupintu.idp.agency.store.jpa;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import id.satupintu.idp.agency.Agency;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.DuplicateAgencyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link AgencyStore} on the {@code agency} table through Hibernate. */
@Component
public class JpaAgencyStore implements AgencyStore {

    private final AgencyJpaRepository agencies;
    private final Clock clock = Clock.systemUTC();

    public JpaAgencyStore(AgencyJpaRepository agencies) {
        this.agencies = agencies;
    }

    @Override
    public Agency create(String code, String name) {
        if (agencies.findByCode(code).isPresent()) {
            throw new DuplicateAgencyException(code);
        }
        try {
            // saveAndFlush so that a concurrent insert by another node surfaces here as a duplicate
            return agencies.saveAndFlush(new AgencyEntity(code, name, clock.instant())).toAgency();
        } catch (DataIntegrityViolationException raced) {
            throw new DuplicateAgencyException(code);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Agency> findByCode(String code) {
        return agencies.findByCode(code).map(AgencyEntity::toAgency);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Agency> findAll() {
        return agencies.findAllByOrderByCodeAsc().stream().map(AgencyEntity::toAgency).toList();
    }
}
