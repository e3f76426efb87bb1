package id.satupintu.idp.agency.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.StandardClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator grants a client the scope {@code nik} ({@code PUT /admin/clients/{clientId}/scopes/nik})
 * or takes it back ({@code DELETE}); only then may the client ask citizens for their NIK and family card
 * number. Bearer token with scope {@code agency.admin}, as for {@link AgencyAdminController}; both
 * idempotent; every change and refusal audited ({@value #AUDIT_GRANTED}, {@value #AUDIT_REVOKED},
 * {@value #AUDIT_DENIED}). Withdrawing the grant stops the release at once on this node (tokens already
 * issued included, since release checks the client's current scopes) and on the others once their client
 * cache expires.
 */
@RestController
@RequestMapping(NikGrantController.PATH)
public class NikGrantController {

    public static final String PATH = "/admin/clients/{clientId}/scopes/" + StandardClaims.NIK_SCOPE;

    static final String AUDIT_GRANTED = "client.nik_granted";
    static final String AUDIT_REVOKED = "client.nik_revoked";
    static final String AUDIT_DENIED = "client.nik_grant_denied";

    private final RegisteredClientRepository clients;
    private final AuditLog audit;

    public NikGrantController(RegisteredClientRepository clients, AuditLog audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @PutMapping
    public ResponseEntity<Map<String, Object>> grant(@PathVariable String clientId, Authentication caller,
                                                     HttpServletRequest request) {
        return change(clientId, true, caller, request);
    }

    @DeleteMapping
    public ResponseEntity<Map<String, Object>> revoke(@PathVariable String clientId, Authentication caller,
                                                      HttpServletRequest request) {
        return change(clientId, false, caller, request);
    }

    private ResponseEntity<Map<String, Object>> change(String clientId, boolean grant, Authentication caller,
                                                       HttpServletRequest request) {
        if (!isAdmin(caller)) {
            audit.record(AuditEvent.failure(AUDIT_DENIED, caller == null ? null : caller.getName(), null,
                    request.getRemoteAddr(), Map.of("error", "insufficient_scope", "client", clientId)));
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"agency.admin\"")
                    .body(Map.of("error", "insufficient_scope", "error_description", "scope agency.admin required"));
        }
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            audit.record(AuditEvent.failure(AUDIT_DENIED, caller.getName(), null, request.getRemoteAddr(),
                    Map.of("error", "unknown_client", "client", clientId)));
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "unknown_client", "error_description", "no client with this client_id"));
        }
        RegisteredClient changed = RegisteredClient.from(client).scopes(scopes -> {
            if (grant) {
                scopes.add(StandardClaims.NIK_SCOPE);
            } else {
                scopes.remove(StandardClaims.NIK_SCOPE);
            }
        }).build();
        clients.save(changed);
        audit.record(AuditEvent.success(grant ? AUDIT_GRANTED : AUDIT_REVOKED, caller.getName(), null,
                request.getRemoteAddr(), Map.of("client", clientId, "agency", String.valueOf(AgencyOfClient.of(client)))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("scope", String.join(" ", new TreeSet<>(changed.getScopes())));
        return ResponseEntity.ok(body);
    }

    private static boolean isAdmin(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AgencyAdminController.REQUIRED_AUTHORITY::equals);
    }
}
