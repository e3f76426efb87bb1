package id.satupintu.idp.keys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.admin.AgencyAdminController;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.UnsupportedKeyException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' view of the key ring (bearer token with scope {@code agency.admin}, as
 * the other {@code /admin} endpoints): {@code GET /admin/keys} lists every key with its state and
 * dates, never private material; {@code POST /admin/keys/rotate} ({@code purpose}, {@code alg},
 * {@code immediately}) starts a rotation; {@code POST /admin/keys/{kid}/retire} stops a key from
 * signing. Changes are audited by {@link KeyRingChanges}; every refusal as {@value #AUDIT_DENIED}.
 */
@RestController
@RequestMapping(KeyAdminController.PATH)
public class KeyAdminController {

    public static final String PATH = "/admin/keys";
    static final String AUDIT_DENIED = "keys.admin_denied";

    private final KeyManager manager;
    private final KeyRingChanges changes;
    private final AuditLog audit;

    public KeyAdminController(KeyManager manager, KeyRingChanges changes, AuditLog audit) {
        this.manager = manager;
        this.changes = changes;
        this.audit = audit;
    }

    @GetMapping
    public ResponseEntity<Map<String, Object>> list(Authentication caller, HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return refuse(HttpStatus.FORBIDDEN, "insufficient_scope", "scope agency.admin required", caller, request, null);
        }
        List<Map<String, Object>> keys = manager.snapshot().all().stream().map(KeyAdminController::describe).toList();
        return ResponseEntity.ok(Map.of("keys", keys));
    }

    @PostMapping("/rotate")
    public ResponseEntity<Map<String, Object>> rotate(@RequestParam(required = false) String purpose,
                                                      @RequestParam(required = false) String alg,
                                                      @RequestParam(defaultValue = "false") boolean immediately,
                                                      Authentication caller, HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return refuse(HttpStatus.FORBIDDEN, "insufficient_scope", "scope agency.admin required", caller, request, null);
        }
        KeyPurpose keyPurpose;
        KeySpec spec;
        try {
            keyPurpose = KeyPurpose.valueOf(purpose == null ? "OIDC_SIGNING" : purpose.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_request",
                    "unknown purpose; one of OIDC_SIGNING, SAML_SIGNING, SAML_ENCRYPTION", caller, request, null);
        }
        if (alg == null || alg.isBlank()) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_request", "alg is required, e.g. RS256, PS256, ES256, EdDSA",
                    caller, request, null);
        }
        try {
            spec = KeySpec.of(KeyAlgorithm.fromJoseName(alg.trim()));
            ManagedKey key = changes.apply(caller.getName(), request.getRemoteAddr(),
                    () -> manager.rotate(keyPurpose, spec, immediately));
            return ResponseEntity.status(HttpStatus.CREATED).body(describe(key));
        } catch (UnsupportedKeyException e) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage(), caller, request, null);
        }
    }

    @PostMapping("/{kid}/retire")
    public ResponseEntity<Map<String, Object>> retire(@PathVariable String kid, Authentication caller,
                                                      HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return refuse(HttpStatus.FORBIDDEN, "insufficient_scope", "scope agency.admin required", caller, request, kid);
        }
        ManagedKey key = manager.snapshot().find(kid).orElse(null);
        if (key == null) {
            return refuse(HttpStatus.NOT_FOUND, "unknown_key", "no key with this kid", caller, request, kid);
        }
        if (key.state() != KeyState.ACTIVE && key.state() != KeyState.NEXT) {
            return refuse(HttpStatus.CONFLICT, "invalid_state", "key is " + key.state() + "; only ACTIVE or NEXT keys can be retired",
                    caller, request, kid);
        }
        try {
            ManagedKey retired = changes.apply(caller.getName(), request.getRemoteAddr(), () -> manager.retire(kid));
            return ResponseEntity.ok(describe(retired));
        } catch (IllegalStateException | KeyStoreFailure e) {
            return refuse(HttpStatus.CONFLICT, "invalid_state", e.getMessage(), caller, request, kid);
        }
    }

    private ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String error, String description,
                                                       Authentication caller, HttpServletRequest request, String kid) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("error", error);
        detail.put("path", request.getRequestURI());
        if (kid != null) {
            detail.put("kid", kid);
        }
        audit.record(AuditEvent.failure(AUDIT_DENIED, caller == null ? null : caller.getName(), null,
                request.getRemoteAddr(), detail));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (status == HttpStatus.FORBIDDEN) {
            response.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"agency.admin\"");
        }
        return response.body(Map.of("error", error, "error_description", description));
    }

    static Map<String, Object> describe(ManagedKey key) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kid", key.kid());
        row.put("purpose", key.purpose().name());
        row.put("alg", key.spec().algorithm().joseName());
        row.put("size", key.spec().size());
        row.put("state", key.state().name());
        row.put("backend", key.backend());
        row.put("created_at", String.valueOf(key.createdAt()));
        row.put("activated_at", key.activatedAt() == null ? null : key.activatedAt().toString());
        row.put("retired_at", key.retiredAt() == null ? null : key.retiredAt().toString());
        row.put("destroyed_at", key.destroyedAt() == null ? null : key.destroyedAt().toString());
        if (!key.certificateChain().isEmpty()) {
            java.security.cert.X509Certificate leaf = key.certificateChain().get(0);
            row.put("certificate_subject", leaf.getSubjectX500Principal().getName());
            row.put("certificate_not_after", leaf.getNotAfter().toInstant().toString());
        }
        return row;
    }

    private static boolean isAdmin(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AgencyAdminController.REQUIRED_AUTHORITY::equals);
    }
}
