package id.satupintu.idp.saml.sp.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRecord;

/** A service provider as the admin API shows it: snake_case JSON, no certificates' private parts (there are none). */
final class ServiceProviderJson {

    private ServiceProviderJson() {
    }

    static Map<String, Object> of(ServiceProvider sp, ServiceProviderRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", sp.id().toString());
        json.put("entity_id", sp.entityId());
        json.put("agency", sp.agencyCode());
        json.put("display_name", sp.displayName());
        json.put("assertion_consumer_services", endpoints(sp.assertionConsumerServices()));
        json.put("single_logout_services", endpoints(sp.singleLogoutServices()));
        json.put("authn_requests_signed", sp.authnRequestsSigned());
        json.put("want_assertions_signed", sp.wantAssertionsSigned());
        json.put("name_id_formats", sp.nameIdFormats());
        json.put("signing_certificates", sp.signingCertificates().size());
        json.put("encryption_certificates", sp.encryptionCertificates().size());
        ServiceProvider.Settings settings = sp.settings();
        json.put("scopes", List.copyOf(new TreeSet<>(settings.scopes())));
        json.put("signed_parts", settings.signedParts().name());
        json.put("encrypt_assertions", settings.encryptAssertions());
        json.put("require_signed_requests", settings.requireSignedRequests());
        json.put("idp_initiated_allowed", settings.idpInitiatedAllowed());
        json.put("metadata_url", settings.metadataUrl() == null ? null : settings.metadataUrl().toString());
        json.put("metadata_refresh_interval",
                settings.metadataRefreshInterval() == null ? null : settings.metadataRefreshInterval().toString());
        json.put("last_refreshed_at", record.lastRefreshedAt() == null ? null : record.lastRefreshedAt().toString());
        json.put("last_refresh_error", record.lastRefreshError());
        json.put("created_at", record.createdAt().toString());
        json.put("updated_at", record.updatedAt().toString());
        return json;
    }

    private static List<Map<String, Object>> endpoints(List<ServiceProvider.Endpoint> endpoints) {
        return endpoints.stream().map(e -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("binding", e.binding().uri());
            json.put("location", e.location());
            if (e.responseLocation() != null) {
                json.put("response_location", e.responseLocation());
            }
            if (e.index() != null) {
                json.put("index", e.index());
            }
            if (e.isDefault() != null) {
                json.put("is_default", e.isDefault());
            }
            return json;
        }).toList();
    }
}
