package id.satupintu.idp.saml.sp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registered SAML service providers. Look-ups by entity ID are on the SSO hot path, so
 * implementations answer them from memory and reload changes (another node's registration, a
 * metadata refresh) within seconds.
 */
public interface ServiceProviderStore {

    /** @return the SP with this {@code entityID}, if registered */
    Optional<ServiceProvider> findByEntityId(String entityId);

    /** @return the SP with this internal id (consent keys, audit events), if registered */
    Optional<ServiceProvider> findById(UUID id);

    /** @return the SPs of one agency, by entity ID */
    List<ServiceProvider> findByAgency(String agencyCode);
}
