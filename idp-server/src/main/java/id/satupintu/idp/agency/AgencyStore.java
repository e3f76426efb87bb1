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

    /** Creates the agency unless it exists; several nodes may race at startup and all succeed. */
    default void ensureExists(String code, String name) {
        if (findByCode(code).isPresent()) {
            return;
        }
        try {
            create(code, name);
        } catch (DuplicateAgencyException createdByAnotherNode) {
            // it exists, which is all the caller needs
        }
    }

    /** @return all agencies ordered by code */
    List<Agency> findAll();
}
