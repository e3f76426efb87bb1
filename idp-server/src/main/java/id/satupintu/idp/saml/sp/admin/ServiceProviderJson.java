package id.satupintu.idp.saml.sp.admin;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRecord;

/** A service provider as the admin API shows it, in snake_case JSON. */
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
        json.put("signing_certificates", certificates(sp.signingCertificates()));
        json.put("encryption_certificates", certificates(sp.encryptionCertificates()));
        json.put("encryption_methods", sp.encryptionMethods());
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

    /** Enough for an administrator to tell certificates apart and see when one expires. */
    private static List<Map<String, Object>> certificates(List<X509Certificate> certificates) {
        return certificates.stream().map(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("subject", c.getSubjectX500Principal().getName());
            json.put("not_after", c.getNotAfter().toInstant().toString());
            json.put("sha256", sha256(c));
            return json;
        }).toList();
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("certificate fingerprint", e);
        }
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
