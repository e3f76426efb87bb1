package id.satupintu.idp.saml.sp;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.UnknownAgencyException;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.StandardClaims;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers SAML service providers inside an agency by their metadata (SAML Metadata §2.4.4), either
 * uploaded or fetched from a metadata URL whose signature is checked, and changes or removes them.
 * The only writer of {@link ServiceProviderRecords}; after each change it drops this node's cached
 * copies, and other nodes notice through the revision poll of {@link CachedServiceProviderStore}.
 *
 * <p>Metadata-URL refreshes ({@link #refresh}) keep the last good metadata when the new document is
 * refused (unreachable, unsigned, wrongly signed, expired, invalid): the reason goes to
 * {@code last_refresh_error} and to the audit log ({@value #AUDIT_REFRESH_REJECTED}); a good refresh is
 * audited as {@value #AUDIT_REFRESHED}. Administrators' changes are audited by the admin API, which
 * knows who made them.
 */
@Component
public class ServiceProviderRegistry {

    public static final String AUDIT_REFRESHED = "saml.metadata.refreshed";
    public static final String AUDIT_REFRESH_REJECTED = "saml.metadata.refresh_rejected";

    /** Metadata URLs are fetched again this often unless an administrator chose otherwise. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofHours(1);
    /** No SP's metadata URL is fetched more often than this. */
    public static final Duration MINIMUM_REFRESH_INTERVAL = Duration.ofMinutes(5);
    /** Largest uploaded metadata document; the same as for fetched ones. */
    public static final int MAX_METADATA_BYTES = MetadataFetcher.MAX_BYTES;

    private final ServiceProviderRecords records;
    private final CachedServiceProviderStore store;
    private final SpMetadataParser parser;
    private final MetadataFetcher fetcher;
    private final AgencyStore agencies;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    public ServiceProviderRegistry(ServiceProviderRecords records, CachedServiceProviderStore store,
                                   SpMetadataParser parser, MetadataFetcher fetcher, AgencyStore agencies,
                                   AuditLog audit, ObjectProvider<Clock> clock) {
        this(records, store, parser, fetcher, agencies, audit, clock.getIfAvailable(Clock::systemUTC));
    }

    ServiceProviderRegistry(ServiceProviderRecords records, CachedServiceProviderStore store,
                            SpMetadataParser parser, MetadataFetcher fetcher, AgencyStore agencies,
                            AuditLog audit, Clock clock) {
        this.records = records;
        this.store = store;
        this.parser = parser;
        this.fetcher = fetcher;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a service provider by uploaded metadata.
     *
     * @throws InvalidMetadataException the metadata or a setting is refused (the reason says which)
     * @throws DuplicateEntityIdException its entity ID is registered already (in any agency)
     * @throws UnknownAgencyException the agency does not exist
     */
    public ServiceProvider register(String agencyCode, byte[] metadataXml, ServiceProvider.Settings settings) {
        requireAgency(agencyCode);
        checkSize(metadataXml);
        ServiceProvider.Settings checked = checkSettings(settings, null, null);
        SpMetadata metadata = parser.parse(metadataXml);
        refuseRegistered(metadata.entityId());
        Instant now = clock.instant();
        String xml = SpMetadataParser.text(metadataXml);
        ServiceProviderRecord record = new ServiceProviderRecord(UUID.randomUUID(), agencyCode, metadata.entityId(),
                metadata.displayName(), xml, null, checked, null, null, null, now, now);
        return insert(record, metadata);
    }

    /**
     * Registers a service provider by its metadata URL: fetched now, and again every
     * {@code settings.metadataRefreshInterval()} (default {@link #DEFAULT_REFRESH_INTERVAL}); each
     * document must carry an enveloped signature by {@code metadataSigner}.
     *
     * @throws InvalidMetadataException the URL, the fetch, the signature, the metadata or a setting is refused
     * @throws DuplicateEntityIdException its entity ID is registered already
     * @throws UnknownAgencyException the agency does not exist
     */
    public ServiceProvider registerFromUrl(String agencyCode, URI metadataUrl, X509Certificate metadataSigner,
                                           ServiceProvider.Settings settings) {
        requireAgency(agencyCode);
        MetadataFetcher.checkUrl(metadataUrl);
        if (metadataSigner == null) {
            throw new InvalidSettingsException("metadata_signing_certificate is required with metadata_url");
        }
        ServiceProvider.Settings checked = checkSettings(settings, metadataUrl, null);
        MetadataFetcher.Fetched fetched = fetcher.fetch(metadataUrl, metadataSigner);
        refuseRegistered(fetched.metadata().entityId());
        Instant now = clock.instant();
        ServiceProviderRecord record = new ServiceProviderRecord(UUID.randomUUID(), agencyCode,
                fetched.metadata().entityId(), fetched.metadata().displayName(),
                SpMetadataParser.text(fetched.xml()), metadataSigner, checked, now, null,
                now.plus(checked.metadataRefreshInterval()), now, now);
        return insert(record, fetched.metadata());
    }

    /**
     * Changes what administrators chose. The metadata URL cannot be changed this way (register the SP
     * again instead); {@code settings.metadataUrl()} is ignored.
     *
     * @throws UnknownServiceProviderException no SP with this id
     * @throws InvalidSettingsException a setting is refused
     */
    public ServiceProvider update(UUID id, ServiceProvider.Settings settings) {
        return update(id, settings, null);
    }

    /**
     * Replaces uploaded metadata (a new certificate, new endpoints). The entity ID must stay the same:
     * consents and audit history belong to this registration.
     *
     * @throws UnknownServiceProviderException no SP with this id
     * @throws InvalidMetadataException the metadata is refused, names another entity, or the SP's
     *         metadata comes from its URL
     */
    public ServiceProvider replaceMetadata(UUID id, byte[] metadataXml) {
        return update(id, null, Objects.requireNonNull(metadataXml, "metadataXml"));
    }

    /**
     * Changes settings and replaces uploaded metadata in one transaction, after checking both, so that a
     * refusal of either leaves both as they were.
     *
     * @param settings the new settings; null keeps them
     * @param metadataXml the new metadata; null keeps it
     * @see #update(UUID, ServiceProvider.Settings)
     * @see #replaceMetadata(UUID, byte[])
     */
    @Transactional
    public ServiceProvider update(UUID id, ServiceProvider.Settings settings, byte[] metadataXml) {
        ServiceProviderRecord record = record(id);
        Instant now = clock.instant();
        ServiceProvider.Settings newSettings = record.settings();
        Instant nextRefreshAt = record.nextRefreshAt();
        if (settings != null) {
            URI url = record.settings().metadataUrl();
            newSettings = checkSettings(settings, url, record.settings().metadataRefreshInterval());
            if (url != null && !Objects.equals(newSettings.metadataRefreshInterval(), record.settings().metadataRefreshInterval())) {
                Instant base = record.lastRefreshedAt() == null ? now : record.lastRefreshedAt();
                nextRefreshAt = base.plus(newSettings.metadataRefreshInterval());
            }
        }
        SpMetadata metadata;
        String xml = record.metadataXml();
        if (metadataXml != null) {
            if (record.refreshedFromUrl()) {
                throw new InvalidMetadataException("this service provider's metadata comes from its metadata_url: "
                        + "refresh it instead of uploading");
            }
            checkSize(metadataXml);
            metadata = parser.parse(metadataXml);
            if (!metadata.entityId().equals(record.entityId())) {
                throw new InvalidMetadataException("entityID differs from the registered one: register a new "
                        + "service provider for another entity");
            }
            xml = SpMetadataParser.text(metadataXml);
        } else {
            metadata = parser.parseStored(xml);
        }
        // each write touches only its own columns: a metadata refresh racing with this is not undone
        if (settings != null) {
            records.updateSettings(id, newSettings, nextRefreshAt, now);
        }
        if (metadataXml != null) {
            records.updateMetadata(id, metadata.displayName(), xml, now);
        }
        store.invalidate();
        return metadata.toServiceProvider(id, record.agencyCode(), newSettings, xml);
    }

    /**
     * Fetches the SP's metadata URL now. A refused document leaves the last good metadata in place,
     * records the reason as {@code last_refresh_error}, audits it and throws.
     *
     * @throws UnknownServiceProviderException no SP with this id
     * @throws InvalidMetadataException the SP was registered by upload, or the fetched document is refused
     */
    public ServiceProvider refresh(UUID id) {
        ServiceProviderRecord record = record(id);
        if (!record.refreshedFromUrl()) {
            throw new InvalidMetadataException("this service provider was registered by upload: "
                    + "there is no metadata_url to refresh from");
        }
        Instant now = clock.instant();
        URI url = record.settings().metadataUrl();
        MetadataFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(url, record.metadataSigningCertificate());
            if (!fetched.metadata().entityId().equals(record.entityId())) {
                throw new InvalidMetadataException("fetched metadata names another entityID");
            }
        } catch (InvalidMetadataException refused) {
            // the last good metadata stays; try again after the shorter of the interval and the minimum
            Duration retry = min(record.settings().metadataRefreshInterval(), MINIMUM_REFRESH_INTERVAL);
            records.recordRefresh(id, record.lastRefreshedAt(), refused.reason(), now.plus(retry));
            audit.record(AuditEvent.failure(AUDIT_REFRESH_REJECTED, record.entityId(), null, null,
                    Map.of("service_provider", id.toString(), "reason", refused.reason())));
            throw refused;
        }
        Instant next = now.plus(record.settings().metadataRefreshInterval());
        String xml = SpMetadataParser.text(fetched.xml());
        boolean changed = !xml.equals(record.metadataXml());
        if (changed) {
            records.updateMetadata(id, fetched.metadata().displayName(), xml, now);
            store.invalidate();
        } // else nothing a cache holds changed: no revision bump, no cache flush on any node
        records.recordRefresh(id, now, null, next);
        audit.record(AuditEvent.success(AUDIT_REFRESHED, record.entityId(), null, null,
                Map.of("service_provider", id.toString(), "changed", String.valueOf(changed))));
        return fetched.metadata().toServiceProvider(id, record.agencyCode(), record.settings(), xml);
    }

    /**
     * Removes a service provider; it can no longer sign citizens in, on any node within the revision poll.
     *
     * @throws UnknownServiceProviderException no SP with this id
     */
    public void remove(UUID id) {
        if (!records.delete(id)) {
            throw new UnknownServiceProviderException(id);
        }
        store.invalidate();
    }

    /** @return the stored registration, with the refresh state administrators see */
    public ServiceProviderRecord record(UUID id) {
        return records.findById(id).orElseThrow(() -> new UnknownServiceProviderException(id));
    }

    private ServiceProvider insert(ServiceProviderRecord record, SpMetadata metadata) {
        records.insert(record);
        store.invalidate();
        return metadata.toServiceProvider(record.id(), record.agencyCode(), record.settings(), record.metadataXml());
    }

    private void requireAgency(String agencyCode) {
        if (agencyCode == null || agencies.findByCode(agencyCode).isEmpty()) {
            throw new UnknownAgencyException(agencyCode);
        }
    }

    private void refuseRegistered(String entityId) {
        if (records.findByEntityId(entityId).isPresent()) {
            throw new DuplicateEntityIdException(entityId);
        }
    }

    private static void checkSize(byte[] metadataXml) {
        if (metadataXml != null && metadataXml.length > MAX_METADATA_BYTES) {
            throw new InvalidMetadataException("metadata larger than 1 MiB");
        }
    }

    /**
     * @param metadataUrl the SP's metadata URL (null for uploads): the settings get it, and a refresh interval
     * @param currentInterval the interval kept when the new settings do not state one
     */
    static ServiceProvider.Settings checkSettings(ServiceProvider.Settings settings, URI metadataUrl,
                                                  Duration currentInterval) {
        ServiceProvider.Settings given = settings == null ? ServiceProvider.Settings.defaults() : settings;
        for (String scope : given.scopes()) {
            if (!StandardClaims.CLAIMS_OF_SCOPE.containsKey(scope)) {
                throw new InvalidSettingsException("unknown scope " + scope + ": one of "
                        + String.join(", ", StandardClaims.CLAIMS_OF_SCOPE.keySet()));
            }
        }
        Duration interval = null;
        if (metadataUrl != null) {
            interval = given.metadataRefreshInterval() != null ? given.metadataRefreshInterval()
                    : currentInterval != null ? currentInterval : DEFAULT_REFRESH_INTERVAL;
            if (interval.compareTo(MINIMUM_REFRESH_INTERVAL) < 0) {
                throw new InvalidSettingsException("metadata_refresh_interval must be at least PT5M");
            }
        } else if (given.metadataRefreshInterval() != null) {
            throw new InvalidSettingsException("metadata_refresh_interval applies only to a metadata_url");
        }
        return new ServiceProvider.Settings(given.scopes(), given.signedParts(), given.encryptAssertions(),
                given.requireSignedRequests(), given.idpInitiatedAllowed(), metadataUrl, interval);
    }

    private static Duration min(Duration a, Duration b) {
        return a == null || b.compareTo(a) < 0 ? b : a;
    }
}
