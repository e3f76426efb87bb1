package id.satupintu.idp.saml.sp.store.jpa;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of the {@code saml_service_provider} table (V8__saml_service_providers.sql). */
@Entity
@Table(name = "saml_service_provider")
class ServiceProviderEntity {

    @Id
    UUID id;

    /** The agency's row id; codes are resolved by {@link JpaServiceProviderRecords}. */
    @Column(name = "agency_id", nullable = false)
    UUID agencyId;

    @Column(name = "entity_id", nullable = false, unique = true, length = 1024)
    String entityId;

    @Column(name = "display_name", nullable = false, length = 200)
    String displayName;

    /** {@code text}: PostgreSQL and H2 (PostgreSQL mode) both report it as VARCHAR, which a plain String maps to. */
    @Column(name = "metadata_xml", nullable = false)
    String metadataXml;

    @Column(name = "metadata_url", length = 2000)
    String metadataUrl;

    @Column(name = "metadata_signing_certificate")
    String metadataSigningCertificate;

    @Column(name = "metadata_refresh_seconds")
    Long metadataRefreshSeconds;

    @Column(name = "last_refreshed_at")
    Instant lastRefreshedAt;

    @Column(name = "last_refresh_error", length = 1000)
    String lastRefreshError;

    @Column(name = "next_refresh_at")
    Instant nextRefreshAt;

    @Column(nullable = false, length = 2000)
    String scopes;

    @Column(name = "signed_parts", nullable = false, length = 10)
    String signedParts;

    @Column(name = "encrypt_assertions", nullable = false)
    boolean encryptAssertions;

    @Column(name = "require_signed_requests", nullable = false)
    boolean requireSignedRequests;

    @Column(name = "idp_initiated_allowed", nullable = false)
    boolean idpInitiatedAllowed;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
