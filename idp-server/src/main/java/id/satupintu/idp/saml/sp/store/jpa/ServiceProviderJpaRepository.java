package id.satupintu.idp.saml.sp.store.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceProviderJpaRepository extends JpaRepository<ServiceProviderEntity, UUID> {

    Optional<ServiceProviderEntity> findByEntityId(String entityId);

    List<ServiceProviderEntity> findByAgencyIdOrderByEntityIdAsc(UUID agencyId);

    @Query("select s.id from ServiceProviderEntity s where s.nextRefreshAt <= :now order by s.nextRefreshAt")
    List<UUID> findDue(@Param("now") Instant now, Limit limit);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ServiceProviderEntity s set s.scopes = :scopes, s.signedParts = :signedParts,"
            + " s.encryptAssertions = :encryptAssertions, s.requireSignedRequests = :requireSignedRequests,"
            + " s.idpInitiatedAllowed = :idpInitiatedAllowed, s.metadataRefreshSeconds = :refreshSeconds,"
            + " s.nextRefreshAt = :nextRefreshAt, s.updatedAt = :updatedAt where s.id = :id")
    int updateSettings(@Param("id") UUID id, @Param("scopes") String scopes, @Param("signedParts") String signedParts,
                       @Param("encryptAssertions") boolean encryptAssertions,
                       @Param("requireSignedRequests") boolean requireSignedRequests,
                       @Param("idpInitiatedAllowed") boolean idpInitiatedAllowed,
                       @Param("refreshSeconds") Long refreshSeconds, @Param("nextRefreshAt") Instant nextRefreshAt,
                       @Param("updatedAt") Instant updatedAt);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ServiceProviderEntity s set s.displayName = :displayName, s.metadataXml = :metadataXml,"
            + " s.updatedAt = :updatedAt where s.id = :id")
    int updateMetadata(@Param("id") UUID id, @Param("displayName") String displayName,
                       @Param("metadataXml") String metadataXml, @Param("updatedAt") Instant updatedAt);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update ServiceProviderEntity s set s.lastRefreshedAt = :lastRefreshedAt, s.lastRefreshError = :error,"
            + " s.nextRefreshAt = :nextRefreshAt where s.id = :id")
    int recordRefresh(@Param("id") UUID id, @Param("lastRefreshedAt") Instant lastRefreshedAt,
                      @Param("error") String error, @Param("nextRefreshAt") Instant nextRefreshAt);
}
