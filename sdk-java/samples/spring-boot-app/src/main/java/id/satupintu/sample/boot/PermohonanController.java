package id.satupintu.sample.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The "existing application": a permit-application service that reads who is signed in through the standard
 * servlet API, as it did when its users came from a container realm. It knows no sign-on code; the one
 * SatuPintu-specific thing it reads is the request attribute with the claims, by its documented name.
 */
@RestController
public class PermohonanController {

    /** The request attribute the SDK fills with the citizen's claims (a plain map). */
    private static final String CLAIMS = "id.satupintu.sdk.claims";

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        Map<?, ?> claims = request.getAttribute(CLAIMS) instanceof Map<?, ?> map ? map : Map.of();
        return page("Layanan Permohonan Izin",
                "<p>Pengguna: <span id=\"remote-user\">" + escape(request.getRemoteUser()) + "</span></p>"
                + "<p>Principal: <span id=\"principal\">" + escape(principal == null ? null : principal.getName()) + "</span></p>"
                + "<p>Jenis autentikasi: <span id=\"auth-type\">" + escape(request.getAuthType()) + "</span></p>"
                + "<p>Nama: <span id=\"claim-name\">" + escape(claims.get("name")) + "</span></p>"
                + "<p>Tingkat jaminan: <span id=\"claim-acr\">" + escape(claims.get("acr")) + "</span></p>"
                + "<p>Masuk pada: <span id=\"claim-auth_time\">" + escape(claims.get("auth_time")) + "</span>, token diterbitkan: "
                + "<span id=\"claim-iat\">" + escape(claims.get("iat")) + "</span></p>"
                + "<p><a href=\"/satupintu/logout\">Keluar</a></p>");
    }

    /** Answers whether the signed-in user holds a role, as the application's authorization code would ask. */
    @GetMapping(path = "/roles/{role}", produces = MediaType.TEXT_PLAIN_VALUE)
    public String role(@PathVariable String role, HttpServletRequest request) {
        return "role " + role + ": " + request.isUserInRole(role);
    }

    /** An API for other applications, called with their bearer access tokens. */
    @GetMapping(path = "/api/permohonan", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> applications(HttpServletRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("caller", request.getRemoteUser());
        answer.put("authType", request.getAuthType());
        answer.put("permohonan", List.of());
        return answer;
    }

    @GetMapping(path = "/public/signed-out", produces = MediaType.TEXT_HTML_VALUE)
    public String signedOut() {
        return page("Anda telah keluar", "<p><a href=\"/\">Masuk lagi</a></p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + "<h1>" + title + "</h1>" + body + "</body></html>";
    }

    private static String escape(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(String.valueOf(value));
    }
}
