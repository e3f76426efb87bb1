package id.satupintu.idp.saml.sp.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.UnknownAgencyException;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.StandardClaims;
import id.satupintu.idp.saml.sp.DuplicateEntityIdException;
import id.satupintu.idp.saml.sp.InvalidMetadataException;
import id.satupintu.idp.saml.sp.InvalidSettingsException;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRecord;
import id.satupintu.idp.saml.sp.ServiceProviderRegistry;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.sp.UnknownServiceProviderException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SAML service providers of an agency, by metadata (SAML Metadata §2.4.4): {@code POST} registers one
 * from {@code metadata_xml} or from {@code metadata_url} + {@code metadata_signing_certificate};
 * {@code GET} lists them or shows one; {@code PUT} changes settings (and replaces uploaded metadata
 * when {@code metadata_xml} is sent); {@code DELETE} removes one; {@code POST .../{id}/refresh} fetches
 * its metadata URL now. Bearer token with scope {@code agency.admin}, checked by the {@code /admin/**}
 * chain and again here; JSON in snake_case; errors as {@code {"error", "error_description"}} with 400,
 * 404 or 409; every change ({@value #AUDIT_REGISTERED}, {@value #AUDIT_UPDATED}, {@value #AUDIT_REMOVED},
 * {@value #AUDIT_REFRESHED}) and every refusal ({@value #AUDIT_REJECTED}, {@value #AUDIT_DENIED}) audited.
 * The scope {@code nik} is refused here ({@code invalid_scope}): only {@link NikGrantController} grants it.
 */
@RestController
@RequestMapping(ServiceProviderAdminController.PATH)
public class ServiceProviderAdminController {

    public static final String PATH = "/admin/agencies/{code}/saml-service-providers";

    static final String AUDIT_REGISTERED = "saml.sp.registered";
    static final String AUDIT_UPDATED = "saml.sp.updated";
    static final String AUDIT_REMOVED = "saml.sp.removed";
    static final String AUDIT_REFRESHED = "saml.sp.refreshed";
    static final String AUDIT_REJECTED = "saml.sp.rejected";
    static final String AUDIT_DENIED = "saml.sp.admin_denied";

    private final ServiceProviderRegistry registry;
    private final ServiceProviderStore store;
    private final AgencyStore agencies;
    private final AuditLog audit;

    public ServiceProviderAdminController(ServiceProviderRegistry registry, ServiceProviderStore store,
                                          AgencyStore agencies, AuditLog audit) {
        this.registry = registry;
        this.store = store;
        this.agencies = agencies;
        this.audit = audit;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@PathVariable String code,
                                                        @RequestBody(required = false) Map<String, Object> body,
                                                        Authentication caller, HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            ServiceProviderRequest fields = new ServiceProviderRequest(body);
            if (fields.has("metadata_xml") == fields.has("metadata_url")) {
                throw new ServiceProviderRequest.Rejected("invalid_request", "send exactly one of metadata_xml and metadata_url");
            }
            if (fields.has("metadata_xml") && (fields.has("metadata_signing_certificate") || fields.has("metadata_refresh_interval"))) {
                throw new ServiceProviderRequest.Rejected("invalid_request",
                        "metadata_signing_certificate and metadata_refresh_interval apply only to metadata_url");
            }
            ServiceProvider.Settings settings = fields.settings(ServiceProvider.Settings.defaults(), false);
            ServiceProvider sp = fields.has("metadata_xml")
                    ? registry.register(code, fields.metadataXml(), settings)
                    : registry.registerFromUrl(code, fields.metadataUrl(), fields.metadataSigningCertificate(), settings);
            audit.record(AuditEvent.success(AUDIT_REGISTERED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                    details(sp, fields.has("metadata_url") ? "url" : "upload")));
            return ResponseEntity.created(URI.create(PATH.replace("{code}", code) + "/" + sp.id()))
                    .body(ServiceProviderJson.of(sp, registry.record(sp.id())));
        });
    }

    @GetMapping
    public ResponseEntity<Map<String, Object>> list(@PathVariable String code, Authentication caller,
                                                    HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            if (agencies.findByCode(code).isEmpty()) {
                throw new UnknownAgencyException(code);
            }
            List<Map<String, Object>> all = store.findByAgency(code).stream()
                    .map(sp -> ServiceProviderJson.of(sp, registry.record(sp.id()))).toList();
            return ResponseEntity.ok(Map.of("saml_service_providers", all));
        });
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> show(@PathVariable String code, @PathVariable String id,
                                                    Authentication caller, HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            ServiceProvider sp = ofAgency(code, id);
            return ResponseEntity.ok(ServiceProviderJson.of(sp, registry.record(sp.id())));
        });
    }

    @PutMapping("/{id}")
    public ResponseEntity<Map<String, Object>> update(@PathVariable String code, @PathVariable String id,
                                                      @RequestBody(required = false) Map<String, Object> body,
                                                      Authentication caller, HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            ServiceProvider sp = ofAgency(code, id);
            ServiceProviderRequest fields = new ServiceProviderRequest(body);
            if (fields.has("metadata_url") || fields.has("metadata_signing_certificate")) {
                throw new ServiceProviderRequest.Rejected("invalid_request",
                        "metadata_url and metadata_signing_certificate cannot be changed: register the service provider again");
            }
            ServiceProvider.Settings settings = fields.settings(sp.settings(),
                    sp.settings().scopes().contains(StandardClaims.NIK_SCOPE));
            ServiceProvider updated = registry.update(sp.id(), settings, fields.metadataXml());
            Map<String, String> details = details(updated, fields.has("metadata_xml") ? "settings+metadata" : "settings");
            audit.record(AuditEvent.success(AUDIT_UPDATED, AdminCaller.name(caller), null, request.getRemoteAddr(), details));
            return ResponseEntity.ok(ServiceProviderJson.of(updated, registry.record(updated.id())));
        });
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Map<String, Object>> remove(@PathVariable String code, @PathVariable String id,
                                                      Authentication caller, HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            ServiceProvider sp = ofAgency(code, id);
            registry.remove(sp.id());
            audit.record(AuditEvent.success(AUDIT_REMOVED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                    details(sp, "removed")));
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/{id}/refresh")
    public ResponseEntity<Map<String, Object>> refresh(@PathVariable String code, @PathVariable String id,
                                                       Authentication caller, HttpServletRequest request) {
        return guarded(caller, request, code, () -> {
            ServiceProvider refreshed = registry.refresh(ofAgency(code, id).id());
            audit.record(AuditEvent.success(AUDIT_REFRESHED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                    details(refreshed, "refresh")));
            return ResponseEntity.ok(ServiceProviderJson.of(refreshed, registry.record(refreshed.id())));
        });
    }

    /** A body that is not JSON of the expected shape is the caller's error, not a 500. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(Authentication caller, HttpServletRequest request) {
        if (!AdminCaller.isAdmin(caller)) {
            return denied(caller, request);
        }
        return rejected(caller, request, null, HttpStatus.BAD_REQUEST, "invalid_request", "body must be a JSON object");
    }

    private interface Action {
        ResponseEntity<Map<String, Object>> run();
    }

    /** The scope check, then the action, with every refusal turned into its status, error body and audit event. */
    private ResponseEntity<Map<String, Object>> guarded(Authentication caller, HttpServletRequest request,
                                                        String code, Action action) {
        if (!AdminCaller.isAdmin(caller)) {
            return denied(caller, request);
        }
        try {
            return action.run();
        } catch (ServiceProviderRequest.Rejected e) {
            return rejected(caller, request, code, HttpStatus.BAD_REQUEST, e.error, e.getMessage());
        } catch (InvalidSettingsException e) {
            return rejected(caller, request, code, HttpStatus.BAD_REQUEST, "invalid_request", e.reason());
        } catch (InvalidMetadataException e) {
            return rejected(caller, request, code, HttpStatus.BAD_REQUEST, "invalid_metadata", e.reason());
        } catch (UnknownAgencyException e) {
            return rejected(caller, request, code, HttpStatus.NOT_FOUND, "unknown_agency", "no agency with this code");
        } catch (UnknownServiceProviderException e) {
            return rejected(caller, request, code, HttpStatus.NOT_FOUND, "not_found",
                    "no SAML service provider with this id in this agency");
        } catch (DuplicateEntityIdException e) {
            return rejected(caller, request, code, HttpStatus.CONFLICT, "entity_id_registered", e.getMessage());
        }
    }

    /** @return the SP, when the id is a UUID of a service provider of this agency */
    private ServiceProvider ofAgency(String code, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownServiceProviderException(null);
        }
        Optional<ServiceProvider> sp = store.findById(uuid).filter(found -> found.agencyCode().equals(code));
        return sp.orElseThrow(() -> new UnknownServiceProviderException(uuid));
    }

    private static Map<String, String> details(ServiceProvider sp, String change) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("agency", sp.agencyCode());
        details.put("service_provider", sp.id().toString());
        details.put("entity_id", sp.entityId());
        details.put("change", change);
        return details;
    }

    private ResponseEntity<Map<String, Object>> denied(Authentication caller, HttpServletRequest request) {
        audit.record(AuditEvent.failure(AUDIT_DENIED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                Map.of("error", "insufficient_scope", "path", request.getRequestURI())));
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"agency.admin\"")
                .body(error("insufficient_scope", "scope agency.admin required"));
    }

    private ResponseEntity<Map<String, Object>> rejected(Authentication caller, HttpServletRequest request, String code,
                                                         HttpStatus status, String error, String description) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("error", error);
        details.put("reason", description);
        details.put("agency", String.valueOf(code));
        details.put("path", request.getRequestURI());
        audit.record(AuditEvent.failure(AUDIT_REJECTED, AdminCaller.name(caller), null, request.getRemoteAddr(), details));
        return ResponseEntity.status(status).body(error(error, description));
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }
}
