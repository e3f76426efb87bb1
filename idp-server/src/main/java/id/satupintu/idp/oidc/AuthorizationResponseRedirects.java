package id.satupintu.idp.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.oidc.logout.OidcParticipation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Writes authorization responses (RFC 6749 §4.1.2, §4.1.2.1) with the {@code iss} parameter of
 * RFC 9207, which lets clients reject responses mixed up between authorization servers.
 * Errors go back to the client only when its redirect URI was validated; otherwise the citizen
 * sees a readable error page and is never redirected (RFC 6749 §4.1.2.1, RFC 9700 §4.11).
 */
@Component
public class AuthorizationResponseRedirects implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuditLog audit;
    private final OidcParticipation participation;

    public AuthorizationResponseRedirects(AuditLog audit, OidcParticipation participation) {
        this.audit = audit;
        this.participation = participation;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationToken result =
                (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
        // the client joins the SSO session: single logout tells it when the session ends
        participation.codeIssued(request, result);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
                .queryParam(OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
        addStateAndIssuer(uri, result.getState());
        redirect(response, uri);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        OAuth2AuthorizationCodeRequestAuthenticationException failure =
                (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
        OAuth2Error error = failure.getError();
        OAuth2AuthorizationCodeRequestAuthenticationToken rejected = failure.getAuthorizationCodeRequestAuthentication();
        String clientId = rejected != null ? rejected.getClientId() : request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        audit.record(AuditEvent.failure("authorize.rejected", clientId, null, request.getRemoteAddr(),
                Map.of("error", error.getErrorCode(), "parameter", String.valueOf(error.getDescription()))));

        if (rejected == null || !StringUtils.hasText(rejected.getRedirectUri())) {
            response.sendError(HttpStatus.BAD_REQUEST.value(), error.getErrorCode());
            return;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(rejected.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
        }
        addStateAndIssuer(uri, rejected.getState());
        redirect(response, uri);
    }

    private static void addStateAndIssuer(UriComponentsBuilder uri, String state) {
        if (StringUtils.hasText(state)) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
        }
        uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
    }

    private static void redirect(HttpServletResponse response, UriComponentsBuilder uri) throws IOException {
        // build(true): every component above is already encoded
        response.sendRedirect(uri.build(true).toUriString());
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
