package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;

/**
 * A refused RP-initiated logout request (bad {@code id_token_hint}, unregistered
 * {@code post_logout_redirect_uri}, ...): audited as {@value #AUDIT_EVENT} with the error code and the
 * failed parameter, and answered with the readable error page in the citizen's language, never a
 * redirect (the URI could not be trusted). Nothing is ended. A request Spring refused only for having
 * no {@code id_token_hint} is a valid one (RP-Initiated Logout 1.0 §2) and goes to
 * {@link LogoutWithoutIdTokenHint}, which asks the citizen to confirm.
 */
@Component
public class RpInitiatedLogoutFailureHandler implements AuthenticationFailureHandler {

    static final String AUDIT_EVENT = "oidc.logout.rejected";

    private final AuditLog audit;
    private final LogoutWithoutIdTokenHint withoutHint;

    public RpInitiatedLogoutFailureHandler(AuditLog audit, LogoutWithoutIdTokenHint withoutHint) {
        this.audit = audit;
        this.withoutHint = withoutHint;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error("invalid_request");
        if (LogoutWithoutIdTokenHint.applies(request, error)) {
            LogoutWithoutIdTokenHint.Refusal refusal = withoutHint.handle(request, response);
            if (refusal != null) {
                audit.record(AuditEvent.failure(AUDIT_EVENT, request.getParameter("client_id"), null,
                        request.getRemoteAddr(), LogoutWithoutIdTokenHint.auditDetail(refusal)));
                response.sendError(HttpStatus.BAD_REQUEST.value());
            }
            return;
        }
        audit.record(AuditEvent.failure(AUDIT_EVENT, request.getParameter("client_id"), null, request.getRemoteAddr(),
                Map.of("error", error.getErrorCode(), "parameter", String.valueOf(error.getDescription()))));
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }
}
