package id.satupintu.sample.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The "existing application": a permit-application service that reads who is signed in through the
 * standard servlet API only, as it did when its users came from a container realm.
 */
@RestController
public class PermohonanController {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Layanan Permohonan</title></head><body>"
                + "<h1>Layanan Permohonan Izin</h1>"
                + "<p>Pengguna: <span id=\"remote-user\">" + escape(request.getRemoteUser()) + "</span></p>"
                + "<p>Principal: <span id=\"principal\">" + escape(principal == null ? null : principal.getName()) + "</span></p>"
                + "<p>Jenis autentikasi: <span id=\"auth-type\">" + escape(request.getAuthType()) + "</span></p>"
                + "<p><a href=\"/satupintu/logout\">Keluar</a></p>"
                + "</body></html>";
    }

    /** Answers whether the signed-in user holds a role, as the application's authorization code would ask. */
    @GetMapping(path = "/roles/{role}", produces = MediaType.TEXT_PLAIN_VALUE)
    public String role(@PathVariable String role, HttpServletRequest request) {
        return "role " + role + ": " + request.isUserInRole(role);
    }

    @GetMapping(path = "/api/permohonan", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> applications(HttpServletRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caller", request.getRemoteUser());
        answer.put("authType", request.getAuthType());
        answer.put("permohonan", java.util.List.of());
        return answer;
    }

    private static String escape(String value) {
        return value == null ? "-" : HtmlUtils.htmlEscape(value);
    }
}
