package id.satupintu.idp.saml.sp.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.satupintu.idp.citizen.StandardClaims;
import id.satupintu.idp.saml.sp.InvalidMetadataException;
import id.satupintu.idp.saml.sp.Pem;
import id.satupintu.idp.saml.sp.ServiceProvider;

/**
 * The JSON body of {@code POST} and {@code PUT} on the admin API, read field by field so that each
 * wrong field gets its own message. Fields not sent keep their current value ({@code PUT}) or the
 * secure default ({@code POST}: {@link ServiceProvider.Settings#defaults()}).
 */
final class ServiceProviderRequest {

    /** A field was refused; {@code error} is the OAuth-style error code. */
    static final class Rejected extends RuntimeException {

        final String error;

        Rejected(String error, String description) {
            super(description);
            this.error = error;
        }
    }

    private static final Set<String> FIELDS = Set.of("metadata_xml", "metadata_url", "metadata_signing_certificate",
            "scopes", "signed_parts", "encrypt_assertions", "require_signed_requests", "idp_initiated_allowed",
            "metadata_refresh_interval");

    private final Map<String, Object> body;

    ServiceProviderRequest(Map<String, Object> body) {
        if (body == null) {
            throw new Rejected("invalid_request", "body must be a JSON object");
        }
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new Rejected("invalid_request", "unknown field " + field);
            }
        }
        this.body = body;
    }

    boolean has(String field) {
        return body.get(field) != null;
    }

    byte[] metadataXml() {
        String xml = string("metadata_xml");
        return xml == null ? null : xml.getBytes(StandardCharsets.UTF_8);
    }

    URI metadataUrl() {
        String url = string("metadata_url");
        if (url == null) {
            return null;
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new Rejected("invalid_request", "metadata_url is not a valid URL");
        }
    }

    X509Certificate metadataSigningCertificate() {
        String pem = string("metadata_signing_certificate");
        if (pem == null) {
            return null;
        }
        try {
            return Pem.parseCertificate(pem);
        } catch (InvalidMetadataException e) {
            throw new Rejected("invalid_request", "metadata_signing_certificate: " + e.reason());
        }
    }

    /**
     * @param current the settings kept for fields not sent
     * @param nikGranted whether the SP holds the {@code nik} grant, which only the nik endpoint changes
     */
    ServiceProvider.Settings settings(ServiceProvider.Settings current, boolean nikGranted) {
        Set<String> scopes = has("scopes") ? scopes() : new LinkedHashSet<>(current.scopes());
        if (nikGranted) {
            scopes.add(StandardClaims.NIK_SCOPE);
        } else {
            scopes.remove(StandardClaims.NIK_SCOPE);
        }
        return new ServiceProvider.Settings(scopes,
                has("signed_parts") ? signedParts() : current.signedParts(),
                bool("encrypt_assertions", current.encryptAssertions()),
                bool("require_signed_requests", current.requireSignedRequests()),
                bool("idp_initiated_allowed", current.idpInitiatedAllowed()),
                current.metadataUrl(),
                has("metadata_refresh_interval") ? interval() : current.metadataRefreshInterval());
    }

    private Set<String> scopes() {
        if (!(body.get("scopes") instanceof List<?> list)) {
            throw new Rejected("invalid_request", "scopes must be an array of strings");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (Object scope : list) {
            if (!(scope instanceof String name)) {
                throw new Rejected("invalid_request", "scopes must be an array of strings");
            }
            if (name.equals(StandardClaims.NIK_SCOPE)) {
                throw new Rejected("invalid_scope", "scope nik is granted only through "
                        + NikGrantController.PATH.replace("{id}", "<id>"));
            }
            if (!StandardClaims.CLAIMS_OF_SCOPE.containsKey(name)) {
                throw new Rejected("invalid_scope", "unknown scope " + name + ": one of profile, email, phone, address");
            }
            scopes.add(name);
        }
        return scopes;
    }

    private ServiceProvider.SignedParts signedParts() {
        String value = string("signed_parts");
        try {
            return ServiceProvider.SignedParts.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new Rejected("invalid_request", "signed_parts must be RESPONSE, ASSERTION or BOTH");
        }
    }

    private Duration interval() {
        String value = string("metadata_refresh_interval");
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new Rejected("invalid_request", "metadata_refresh_interval must be an ISO 8601 duration such as PT1H");
        }
    }

    private boolean bool(String field, boolean current) {
        Object value = body.get(field);
        if (value == null) {
            return current;
        }
        if (!(value instanceof Boolean flag)) {
            throw new Rejected("invalid_request", field + " must be true or false");
        }
        return flag;
    }

    private String string(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new Rejected("invalid_request", field + " must be a string");
        }
        return text;
    }
}
