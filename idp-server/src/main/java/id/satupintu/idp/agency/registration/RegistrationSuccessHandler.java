package id.satupintu.idp.agency.registration;

import java.io.IOException;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.OidcClientRegistration;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcClientRegistrationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.http.converter.OidcClientRegistrationHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Writes the client information response (RFC 7591 §3.2.1: 201 on registration, 200 on a
 * configuration read) and records {@code client.registered} for a new client. The response carries
 * the clear secret once; the audit event never does.
 */
@Component
public class RegistrationSuccessHandler implements AuthenticationSuccessHandler {

    public static final String AUDIT_TYPE = "client.registered";

    private final AuditLog audit;
    private final OidcClientRegistrationHttpMessageConverter converter = new OidcClientRegistrationHttpMessageConverter();

    public RegistrationSuccessHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcClientRegistration registration = ((OidcClientRegistrationAuthenticationToken) authentication)
                .getClientRegistration();
        boolean created = HttpMethod.POST.matches(request.getMethod());
        if (created) {
            Object agency = registration.getClaims().get(AgencyCodeRule.AGENCY_CODE);
            audit.record(AuditEvent.success(AUDIT_TYPE, registration.getClientId(), null, request.getRemoteAddr(),
                    Map.of("agency", String.valueOf(agency), "registered_by", String.valueOf(authentication.getName()))));
        }
        ServletServerHttpResponse httpResponse = new ServletServerHttpResponse(response);
        httpResponse.setStatusCode(created ? HttpStatus.CREATED : HttpStatus.OK);
        converter.write(registration, null, httpResponse);
    }
}
