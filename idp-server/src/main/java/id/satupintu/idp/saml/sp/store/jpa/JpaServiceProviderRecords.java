package id.satupintu.idp.saml.sp.store.jpa;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import id.satupintu.idp.agency.UnknownAgencyException;
import id.satupintu.idp.saml.sp.DuplicateEntityIdException;
import id.satupintu.idp.saml.sp.Pem;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRecord;
import id.satupintu.idp.saml.sp.ServiceProviderRecords;
import id.satupintu.idp.saml.sp.UnknownServiceProviderException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ServiceProviderRecords} on the {@code saml_service_provider} table through Hibernate. The
 * agency is referenced by its row id; codes are resolved with plain SQL on the {@code agency} table
 * (agency codes never change, so they are remembered) rather than by mapping the agency package's
 * entity, which that package keeps to itself.
 */
@Component
public class JpaServiceProviderRecords implements ServiceProviderRecords {

    private final ServiceProviderJpaRepository rows;
    private final Map<UUID, String> agencyCodes = new ConcurrentHashMap<>();

    @PersistenceContext
    private EntityManager entityManager;

    public JpaServiceProviderRecords(ServiceProviderJpaRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public void insert(ServiceProviderRecord record) {
        if (rows.findByEntityId(record.entityId()).isPresent()) {
            throw new DuplicateEntityIdException(record.entityId());
        }
        ServiceProviderEntity row = new ServiceProviderEntity();
        row.id = record.id();
        row.createdAt = record.createdAt();
        copyOnto(record, row, agencyId(record.agencyCode()));
        try {
            // flush so that a concurrent registration of the same entity ID by another node surfaces here
            rows.saveAndFlush(row);
        } catch (DataIntegrityViolationException raced) {
            throw new DuplicateEntityIdException(record.entityId());
        }
        bumpRevision();
    }

    @Override
    @Transactional
    public void updateSettings(UUID id, ServiceProvider.Settings settings, Instant nextRefreshAt, Instant updatedAt) {
        int updated = rows.updateSettings(id, scopes(settings.scopes()), settings.signedParts().name(),
                settings.encryptAssertions(), settings.requireSignedRequests(), settings.idpInitiatedAllowed(),
                settings.metadataRefreshInterval() == null ? null : settings.metadataRefreshInterval().toSeconds(),
                nextRefreshAt, updatedAt);
        if (updated == 0) {
            throw new UnknownServiceProviderException(id);
        }
        bumpRevision();
    }

    @Override
    @Transactional
    public void updateMetadata(UUID id, String displayName, String metadataXml, Instant updatedAt) {
        String name = displayName.length() <= ServiceProviderRecord.DISPLAY_NAME_MAX_LENGTH
                ? displayName : displayName.substring(0, ServiceProviderRecord.DISPLAY_NAME_MAX_LENGTH);
        if (rows.updateMetadata(id, name, metadataXml, updatedAt) == 0) {
            throw new UnknownServiceProviderException(id);
        }
        bumpRevision();
    }

    @Override
    @Transactional
    public void recordRefresh(UUID id, Instant lastRefreshedAt, String lastRefreshError, Instant nextRefreshAt) {
        String error = lastRefreshError == null || lastRefreshError.length() <= ServiceProviderRecord.REFRESH_ERROR_MAX_LENGTH
                ? lastRefreshError : lastRefreshError.substring(0, ServiceProviderRecord.REFRESH_ERROR_MAX_LENGTH);
        if (rows.recordRefresh(id, lastRefreshedAt, error, nextRefreshAt) == 0) {
            throw new UnknownServiceProviderException(id);
        }
    }

    @Override
    @Transactional
    public boolean delete(UUID id) {
        if (!rows.existsById(id)) {
            return false;
        }
        rows.deleteById(id);
        bumpRevision();
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceProviderRecord> findById(UUID id) {
        return rows.findById(id).map(this::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceProviderRecord> findByEntityId(String entityId) {
        return rows.findByEntityId(entityId).map(this::toRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceProviderRecord> findByAgency(String agencyCode) {
        return rows.findByAgencyIdOrderByEntityIdAsc(agencyId(agencyCode)).stream().map(this::toRecord).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> dueForRefresh(Instant now, int limit) {
        return rows.findDue(now, Limit.of(limit));
    }

    @Override
    @Transactional(readOnly = true)
    public long revision() {
        Object value = entityManager.createNativeQuery("select revision from saml_service_provider_revision where id = 1")
                .getSingleResult();
        return ((Number) value).longValue();
    }

    private void bumpRevision() {
        entityManager.createNativeQuery("update saml_service_provider_revision set revision = revision + 1 where id = 1")
                .executeUpdate();
    }

    private UUID agencyId(String code) {
        // uuid as text both ways: H2 and PostgreSQL drivers return and bind native uuids differently
        List<?> ids = entityManager.createNativeQuery("select cast(id as varchar) from agency where code = ?1")
                .setParameter(1, code).getResultList();
        if (ids.isEmpty()) {
            throw new UnknownAgencyException(code);
        }
        return UUID.fromString(ids.get(0).toString());
    }

    private String agencyCode(UUID agencyId) {
        return agencyCodes.computeIfAbsent(agencyId, id -> {
            Object code = entityManager.createNativeQuery("select code from agency where id = cast(?1 as uuid)")
                    .setParameter(1, id.toString()).getSingleResult();
            return code.toString();
        });
    }

    /** Fills a new row. */
    private static void copyOnto(ServiceProviderRecord record, ServiceProviderEntity row, UUID agencyId) {
        ServiceProvider.Settings settings = record.settings();
        row.agencyId = agencyId;
        row.entityId = record.entityId();
        row.displayName = record.displayName();
        row.metadataXml = record.metadataXml();
        row.metadataUrl = settings.metadataUrl() == null ? null : settings.metadataUrl().toString();
        row.metadataSigningCertificate = record.metadataSigningCertificate() == null
                ? null : Pem.format(record.metadataSigningCertificate());
        row.metadataRefreshSeconds = settings.metadataRefreshInterval() == null
                ? null : settings.metadataRefreshInterval().toSeconds();
        row.lastRefreshedAt = record.lastRefreshedAt();
        row.lastRefreshError = record.lastRefreshError();
        row.nextRefreshAt = record.nextRefreshAt();
        row.scopes = scopes(settings.scopes());
        row.signedParts = settings.signedParts().name();
        row.encryptAssertions = settings.encryptAssertions();
        row.requireSignedRequests = settings.requireSignedRequests();
        row.idpInitiatedAllowed = settings.idpInitiatedAllowed();
        row.updatedAt = record.updatedAt();
    }

    private ServiceProviderRecord toRecord(ServiceProviderEntity row) {
        ServiceProvider.Settings settings = new ServiceProvider.Settings(scopes(row.scopes),
                ServiceProvider.SignedParts.valueOf(row.signedParts), row.encryptAssertions,
                row.requireSignedRequests, row.idpInitiatedAllowed,
                row.metadataUrl == null ? null : URI.create(row.metadataUrl),
                row.metadataRefreshSeconds == null ? null : Duration.ofSeconds(row.metadataRefreshSeconds));
        return new ServiceProviderRecord(row.id, agencyCode(row.agencyId), row.entityId, row.displayName,
                row.metadataXml,
                row.metadataSigningCertificate == null ? null : Pem.parseCertificate(row.metadataSigningCertificate),
                settings, row.lastRefreshedAt, row.lastRefreshError, row.nextRefreshAt, row.createdAt, row.updatedAt);
    }

    /** Space-delimited, sorted: scope tokens contain no space (RFC 6749 §3.3). */
    private static String scopes(Set<String> scopes) {
        return String.join(" ", scopes.stream().sorted().toList());
    }

    private static Set<String> scopes(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.trim().split(" +")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
