package id.satupintu.idp.oidc;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back-channel requests (token, introspection, revocation) with a parameter sent more than once are
 * {@code invalid_request} (RFC 6749 §3.2). Checked before client authentication, which otherwise
 * fails on such input inside Spring with a server error instead of the specified answer.
 */
public class SingleValuedParametersFilter extends OncePerRequestFilter {

    private final Set<String> endpoints;
    private final AuditLog audit;
    private final OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();

    public SingleValuedParametersFilter(Set<String> endpoints, AuditLog audit) {
        this.endpoints = Set.copyOf(endpoints);
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoints.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                audit.record(AuditEvent.failure("request.repeated_parameter", AuditedErrorResponses.clientIdOf(request),
                        null, request.getRemoteAddr(), Map.of("parameter", parameter.getKey())));
                ServletServerHttpResponse http = new ServletServerHttpResponse(response);
                http.setStatusCode(HttpStatus.BAD_REQUEST);
                converter.write(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "OAuth 2.0 Parameter repeated: " + parameter.getKey(), null), null, http);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
