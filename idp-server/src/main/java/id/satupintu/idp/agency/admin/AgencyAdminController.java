package id.satupintu.idp.agency.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.agency.Agency;
import id.satupintu.idp.agency.AgencyStore;
import id.satupintu.idp.agency.DuplicateAgencyException;
import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agencies administration: {@code POST /admin/agencies} creates one, {@code GET /admin/agencies}
 * lists them. Callers present a bearer access token issued by this server with scope
 * {@code agency.admin} (RFC 6750); the resource-server filter chain on {@code /admin/**} validates
 * the token, and this controller checks the scope itself too, so a chain that only requires
 * authentication still cannot let other tokens in. Errors use the OAuth error shape
 * ({@code error}, {@code error_description}); every refusal is audited.
 */
@RestController
@RequestMapping(AgencyAdminController.PATH)
public class AgencyAdminController {

    public static final String PATH = "/admin/agencies";

    /** Authority Spring's resource server derives from the token's {@code scope} claim. */
    public static final String REQUIRED_AUTHORITY = "SCOPE_agency.admin";

    static final String AUDIT_CREATED = "agency.created";
    static final String AUDIT_REJECTED = "agency.create_rejected";
    static final String AUDIT_DENIED = "agency.admin_denied";

    private final AgencyStore agencies;
    private final AuditLog audit;

    public AgencyAdminController(AgencyStore agencies, AuditLog audit) {
        this.agencies = agencies;
        this.audit = audit;
    }

    /** Body of {@code POST /admin/agencies}. */
    public record CreateAgencyRequest(String code, String name) {
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateAgencyRequest body, Authentication caller,
                                                      HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return denied(caller, request);
        }
        if (body == null || !Agency.isValidCode(body.code())) {
            return rejected(caller, request, HttpStatus.BAD_REQUEST, "invalid_request", "code must match [a-z0-9-]{2,40}");
        }
        if (!Agency.isValidName(body.name())) {
            return rejected(caller, request, HttpStatus.BAD_REQUEST, "invalid_request", "name must be 1 to 200 characters");
        }
        Agency created;
        try {
            created = agencies.create(body.code(), body.name().strip());
        } catch (DuplicateAgencyException e) {
            return rejected(caller, request, HttpStatus.CONFLICT, "agency_exists", "an agency with this code exists");
        }
        audit.record(AuditEvent.success(AUDIT_CREATED, caller.getName(), null, request.getRemoteAddr(),
                Map.of("agency", created.code())));
        return ResponseEntity.created(URI.create(PATH + "/" + created.code())).body(json(created));
    }

    @GetMapping
    public ResponseEntity<Map<String, Object>> list(Authentication caller, HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return denied(caller, request);
        }
        List<Map<String, Object>> all = agencies.findAll().stream().map(AgencyAdminController::json).toList();
        return ResponseEntity.ok(Map.of("agencies", all));
    }

    /** A body that is not JSON of the expected shape is the caller's error, not a 500. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(Authentication caller, HttpServletRequest request) {
        if (!isAdmin(caller)) {
            return denied(caller, request);
        }
        return rejected(caller, request, HttpStatus.BAD_REQUEST, "invalid_request", "body must be a JSON object");
    }

    private static boolean isAdmin(Authentication caller) {
        return caller != null && caller.isAuthenticated() && caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(REQUIRED_AUTHORITY::equals);
    }

    private ResponseEntity<Map<String, Object>> denied(Authentication caller, HttpServletRequest request) {
        audit.record(AuditEvent.failure(AUDIT_DENIED, caller == null ? null : caller.getName(), null,
                request.getRemoteAddr(), Map.of("error", "insufficient_scope", "path", request.getRequestURI())));
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"agency.admin\"")
                .body(error("insufficient_scope", "scope agency.admin required"));
    }

    private ResponseEntity<Map<String, Object>> rejected(Authentication caller, HttpServletRequest request,
                                                         HttpStatus status, String code, String description) {
        audit.record(AuditEvent.failure(AUDIT_REJECTED, caller.getName(), null, request.getRemoteAddr(),
                Map.of("error", code, "reason", description)));
        return ResponseEntity.status(status).body(error(code, description));
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }

    private static Map<String, Object> json(Agency agency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", agency.code());
        json.put("name", agency.name());
        json.put("created_at", agency.createdAt().toString());
        return json;
    }
}
