package id.satupintu.idp.saml.sp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable storage of registered service providers (PostgreSQL in production, H2 in the quickstart).
 * Every change of what a service provider is bumps one revision number in the same transaction, so
 * the caches of all nodes notice it by polling {@link #revision()}.
 */
public interface ServiceProviderRecords {

    /**
     * Stores a new service provider.
     *
     * @throws DuplicateEntityIdException when its entity ID is registered already
     * @throws id.satupintu.idp.agency.UnknownAgencyException when its agency is not stored
     */
    void insert(ServiceProviderRecord record);

    /**
     * Replaces what administrators chose (the metadata URL excepted), touching no other column, so a
     * metadata refresh running at the same time is not undone.
     *
     * @param nextRefreshAt when the metadata URL is due next (a changed interval moves it); null for uploads
     * @throws UnknownServiceProviderException when it is not stored (any more)
     */
    void updateSettings(UUID id, ServiceProvider.Settings settings, Instant nextRefreshAt, Instant updatedAt);

    /**
     * Replaces the metadata document and the display name read from it, touching no other column, so
     * an administrator's settings change at the same time is not undone.
     *
     * @throws UnknownServiceProviderException when it is not stored (any more)
     */
    void updateMetadata(UUID id, String displayName, String metadataXml, Instant updatedAt);

    /**
     * Records the outcome of a metadata-URL refresh that did not change the metadata; does not bump
     * the revision (nothing a cache holds changed).
     */
    void recordRefresh(UUID id, Instant lastRefreshedAt, String lastRefreshError, Instant nextRefreshAt);

    /** @return whether a record was removed */
    boolean delete(UUID id);

    Optional<ServiceProviderRecord> findById(UUID id);

    Optional<ServiceProviderRecord> findByEntityId(String entityId);

    /** @return the agency's service providers ordered by entity ID */
    List<ServiceProviderRecord> findByAgency(String agencyCode);

    /** @return ids of URL-registered service providers whose next refresh is due, oldest due first */
    List<UUID> dueForRefresh(Instant now, int limit);

    /** @return the number bumped by every insert, update and delete */
    long revision();
}
