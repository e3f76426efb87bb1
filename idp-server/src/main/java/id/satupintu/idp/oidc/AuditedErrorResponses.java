package id.satupintu.idp.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Error responses of the back-channel endpoints (token, introspection, revocation, userinfo,
 * client authentication), each leaving an audit event. Status codes follow the specifications:
 * {@code invalid_client} 401 (RFC 6749 §5.2), {@code invalid_token} 401 and
 * {@code insufficient_scope} 403 with a {@code WWW-Authenticate: Bearer} challenge (RFC 6750 §3),
 * everything else 400. Client-authentication failures carry no description, so a caller learns
 * nothing about which part of its credentials was wrong.
 */
public class AuditedErrorResponses implements AuthenticationFailureHandler {

    private final String eventType;
    private final AuditLog audit;
    private final boolean bearerChallenge;
    private final OAuth2ErrorHttpMessageConverter converter = new OAuth2ErrorHttpMessageConverter();

    private AuditedErrorResponses(String eventType, AuditLog audit, boolean bearerChallenge) {
        this.eventType = eventType;
        this.audit = audit;
        this.bearerChallenge = bearerChallenge;
    }

    /** For endpoints that authenticate clients (token, introspection, revocation). */
    public static AuditedErrorResponses forClientRequests(String eventType, AuditLog audit) {
        return new AuditedErrorResponses(eventType, audit, false);
    }

    /** For endpoints that take a bearer access token (userinfo). */
    public static AuditedErrorResponses forBearerRequests(String eventType, AuditLog audit) {
        return new AuditedErrorResponses(eventType, audit, true);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        SecurityContextHolder.clearContext();
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError() : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("error", error.getErrorCode());
        // PKCE and grant checks also run inside client authentication; name the event by what failed
        String type = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                ? "client.authentication_failed" : eventType;
        audit.record(AuditEvent.failure(type, clientIdOf(request), null, request.getRemoteAddr(), detail));

        HttpStatus status = statusOf(error.getErrorCode());
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(status);
        if (bearerChallenge && status != HttpStatus.BAD_REQUEST) {
            http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"" + error.getErrorCode() + "\"");
        }
        OAuth2Error shown = OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
                ? new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT) : error;
        converter.write(shown, null, http);
    }

    private static HttpStatus statusOf(String errorCode) {
        return switch (errorCode) {
            case OAuth2ErrorCodes.INVALID_CLIENT, OAuth2ErrorCodes.INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** The client id as claimed (not proven) by the caller; never any part of its secret. */
    static String clientIdOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon >= 0 ? decoded.substring(0, colon) : "";
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String clientId = request.getParameter("client_id");
        return clientId == null ? "" : clientId;
    }
}
