package id.satupintu.idp.agency.registration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a refused registration or configuration request with the RFC 7591 §3.2.2 error response
 * and records the audit event {@code client.registration_rejected} (error code and field only; the
 * request body may hold anything and is not logged). Status codes follow Spring's endpoint:
 * 401 for {@code invalid_token}/{@code invalid_client}, 403 for {@code insufficient_scope}, else 400.
 */
@Component
public class RegistrationFailureHandler implements AuthenticationFailureHandler {

    public static final String AUDIT_TYPE = "client.registration_rejected";

    private final AuditLog audit;
    private final OAuth2ErrorHttpMessageConverter errorConverter = new OAuth2ErrorHttpMessageConverter();

    public RegistrationFailureHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        audit.record(AuditEvent.failure(AUDIT_TYPE, callerName(), null, request.getRemoteAddr(), detail(error)));
        ServletServerHttpResponse httpResponse = new ServletServerHttpResponse(response);
        httpResponse.setStatusCode(status(error));
        errorConverter.write(error, null, httpResponse);
    }

    private static Map<String, String> detail(OAuth2Error error) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("error", error.getErrorCode());
        if (error.getDescription() != null) {
            // our own descriptions name a field and a rule; Spring's may quote an exception message
            detail.put("reason", error.getDescription().length() > 200
                    ? error.getDescription().substring(0, 200) : error.getDescription());
        }
        return detail;
    }

    private static HttpStatus status(OAuth2Error error) {
        return switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_TOKEN, OAuth2ErrorCodes.INVALID_CLIENT -> HttpStatus.UNAUTHORIZED;
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** The client that presented the initial access token (its {@code sub}), when authenticated. */
    private static String callerName() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null ? null : caller.getName();
    }
}
