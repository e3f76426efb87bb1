package id.satupintu.idp.agency;

import java.util.List;
import java.util.Optional;

/** Durable store of agencies (PostgreSQL in production, H2 in the quickstart). */
public interface AgencyStore {

    /**
     * @return the stored agency
     * @throws DuplicateAgencyException when an agency with this code exists
     */
    Agency create(String code, String name);

    Optional<Agency> findByCode(String code);

    /** @return all agencies ordered by code */
    List<Agency> findAll();
}
