package id.satupintu.idp.saml.sp.admin;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.StandardClaims;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderRegistry;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator grants a SAML service provider the scope {@code nik}
 * ({@code PUT /admin/saml-service-providers/{id}/scopes/nik}) or takes it back ({@code DELETE}), as
 * {@link id.satupintu.idp.agency.admin.NikGrantController} does for OIDC clients: only then is the
 * NIK released to it as an attribute. Bearer token with scope {@code agency.admin}; idempotent;
 * audited ({@value #AUDIT_GRANTED}, {@value #AUDIT_REVOKED}, refusals {@value #AUDIT_DENIED}).
 */
@RestController("samlNikGrantController")
@RequestMapping(NikGrantController.PATH)
public class NikGrantController {

    public static final String PATH = "/admin/saml-service-providers/{id}/scopes/" + StandardClaims.NIK_SCOPE;

    static final String AUDIT_GRANTED = "saml.sp.nik_granted";
    static final String AUDIT_REVOKED = "saml.sp.nik_revoked";
    static final String AUDIT_DENIED = "saml.sp.nik_grant_denied";

    private final ServiceProviderRegistry registry;
    private final ServiceProviderStore store;
    private final AuditLog audit;

    public NikGrantController(ServiceProviderRegistry registry, ServiceProviderStore store, AuditLog audit) {
        this.registry = registry;
        this.store = store;
        this.audit = audit;
    }

    @PutMapping
    public ResponseEntity<Map<String, Object>> grant(@PathVariable String id, Authentication caller,
                                                     HttpServletRequest request) {
        return change(id, true, caller, request);
    }

    @DeleteMapping
    public ResponseEntity<Map<String, Object>> revoke(@PathVariable String id, Authentication caller,
                                                      HttpServletRequest request) {
        return change(id, false, caller, request);
    }

    private ResponseEntity<Map<String, Object>> change(String id, boolean grant, Authentication caller,
                                                       HttpServletRequest request) {
        if (!AdminCaller.isAdmin(caller)) {
            audit.record(AuditEvent.failure(AUDIT_DENIED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                    Map.of("error", "insufficient_scope", "service_provider", String.valueOf(id))));
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"agency.admin\"")
                    .body(Map.of("error", "insufficient_scope", "error_description", "scope agency.admin required"));
        }
        ServiceProvider sp = parse(id).flatMap(store::findById).orElse(null);
        if (sp == null) {
            audit.record(AuditEvent.failure(AUDIT_DENIED, AdminCaller.name(caller), null, request.getRemoteAddr(),
                    Map.of("error", "not_found", "service_provider", String.valueOf(id))));
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "not_found", "error_description", "no SAML service provider with this id"));
        }
        Set<String> scopes = new LinkedHashSet<>(sp.settings().scopes());
        if (grant) {
            scopes.add(StandardClaims.NIK_SCOPE);
        } else {
            scopes.remove(StandardClaims.NIK_SCOPE);
        }
        ServiceProvider.Settings s = sp.settings();
        ServiceProvider changed = registry.update(sp.id(), new ServiceProvider.Settings(scopes, s.signedParts(),
                s.encryptAssertions(), s.requireSignedRequests(), s.idpInitiatedAllowed(), s.metadataUrl(),
                s.metadataRefreshInterval()));
        audit.record(AuditEvent.success(grant ? AUDIT_GRANTED : AUDIT_REVOKED, AdminCaller.name(caller), null,
                request.getRemoteAddr(), Map.of("service_provider", sp.id().toString(), "entity_id", sp.entityId(),
                        "agency", sp.agencyCode())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", sp.id().toString());
        body.put("entity_id", sp.entityId());
        body.put("scope", String.join(" ", new TreeSet<>(changed.settings().scopes())));
        return ResponseEntity.ok(body);
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
