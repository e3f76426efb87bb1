package id.satupintu.idp.saml.sp;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered service provider as stored: the metadata document verbatim, the administrators'
 * settings and the state of metadata-URL refreshes. {@link ServiceProviderRecords} keeps these;
 * {@link CachedServiceProviderStore} turns them into {@link ServiceProvider}s by parsing the metadata.
 *
 * @param metadataSigningCertificate the certificate a fetched metadata document must be signed with;
 *        null for uploaded metadata
 * @param lastRefreshedAt when the metadata URL last gave good metadata; null for uploads
 * @param lastRefreshError why the last refresh was refused; null after a good one
 * @param nextRefreshAt when the refresher fetches the URL again; null for uploads
 */
public record ServiceProviderRecord(UUID id, String agencyCode, String entityId, String displayName,
                                    String metadataXml, X509Certificate metadataSigningCertificate,
                                    ServiceProvider.Settings settings, Instant lastRefreshedAt,
                                    String lastRefreshError, Instant nextRefreshAt, Instant createdAt,
                                    Instant updatedAt) {

    /** Longest display name kept, as in the {@code saml_service_provider} table. */
    public static final int DISPLAY_NAME_MAX_LENGTH = 200;
    /** Longest refresh error kept, as in the table. */
    public static final int REFRESH_ERROR_MAX_LENGTH = 1000;

    public ServiceProviderRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(metadataXml, "metadataXml");
        Objects.requireNonNull(settings, "settings");
        if (displayName.length() > DISPLAY_NAME_MAX_LENGTH) {
            displayName = displayName.substring(0, DISPLAY_NAME_MAX_LENGTH);
        }
        if (lastRefreshError != null && lastRefreshError.length() > REFRESH_ERROR_MAX_LENGTH) {
            lastRefreshError = lastRefreshError.substring(0, REFRESH_ERROR_MAX_LENGTH);
        }
    }

    /** @return whether the metadata is fetched from a URL (else it was uploaded) */
    public boolean refreshedFromUrl() {
        return settings.metadataUrl() != null;
    }
}
