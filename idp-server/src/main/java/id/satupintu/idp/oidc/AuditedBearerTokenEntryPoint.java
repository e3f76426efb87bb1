package id.satupintu.idp.oidc;

import java.io.IOException;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A rejected bearer token (expired, badly signed, missing) at userinfo, registration or the admin
 * API: the RFC 6750 §3 challenge from Spring, plus an audit event. The token itself is never recorded.
 */
public class AuditedBearerTokenEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final AuditLog audit;

    public AuditedBearerTokenEntryPoint(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        String error = failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : "missing_token";
        audit.record(AuditEvent.failure("bearer_token.rejected", "", null, request.getRemoteAddr(),
                Map.of("error", error, "path", request.getRequestURI())));
        challenge.commence(request, response, failure);
    }
}
