package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.logout.LogoutInitiator;
import id.satupintu.idp.session.logout.SignOutHandlers;
import id.satupintu.idp.session.logout.SsoLogout;

/**
 * The answer of the OIDC RP-Initiated Logout endpoint ({@code /connect/logout}, RP-Initiated Logout
 * 1.0 §2), plugged in as the logout response handler of Spring's endpoint, whose provider has already
 * checked {@code id_token_hint}, {@code client_id} and {@code post_logout_redirect_uri}. Where Spring's
 * own handler only clears this node's security context, this one ends the single sign-on session for
 * every participant through {@link SsoLogout} (the requesting client excepted), then sends the browser
 * to the registered {@code post_logout_redirect_uri} with {@code state} (§3) when the provider
 * validated one, else to SatuPintu's signed-out page. Never to an unvalidated URL. An
 * {@code id_token_hint} of another session is refused (audited) and ends nothing.
 */
@Component
public class RpInitiatedLogoutHandler implements AuthenticationSuccessHandler {

    private final SsoLogout logout;
    private final AuditLog audit;

    public RpInitiatedLogoutHandler(SsoLogout logout, AuditLog audit) {
        this.logout = logout;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcLogoutAuthenticationToken validated = (OidcLogoutAuthenticationToken) authentication;
        if (validated.isPrincipalAuthenticated() && !hintIsOfThisSession(request, validated)) {
            audit.record(AuditEvent.failure(RpInitiatedLogoutFailureHandler.AUDIT_EVENT, initiatingClient(validated), null,
                    request.getRemoteAddr(), Map.of("error", OAuth2ErrorCodes.INVALID_TOKEN, "parameter", "sid")));
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        String finalUrl = finalUrl(request, validated);
        if (validated.isPrincipalAuthenticated()) {
            logout.endThenRedirect(request, response, LogoutInitiator.oidcClient(initiatingClient(validated)), finalUrl);
        } else {
            response.sendRedirect(finalUrl);
        }
    }

    /**
     * @return the client that asked: its {@code client_id} parameter, else the {@code id_token_hint}'s
     *         audience (the provider checked they agree when both are given)
     */
    static String initiatingClient(OidcLogoutAuthenticationToken validated) {
        if (validated.getClientId() != null) {
            return validated.getClientId();
        }
        if (validated.getIdToken() != null && validated.getIdToken().getAudience() != null
                && !validated.getIdToken().getAudience().isEmpty()) {
            return validated.getIdToken().getAudience().get(0);
        }
        return null;
    }

    /**
     * The {@code sid} check Spring's provider makes only with a session registry (see
     * {@link NoSessionRegistry}): an {@code id_token_hint} issued in another session of the same citizen
     * (another browser, or before signing out and in again) does not end this one.
     */
    static boolean hintIsOfThisSession(HttpServletRequest request, OidcLogoutAuthenticationToken validated) {
        Object hinted = validated.getIdToken() == null ? null : validated.getIdToken().getClaim("sid");
        if (hinted == null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null && hinted.equals(session.getAttribute(OidcSessionId.ATTRIBUTE));
    }

    /** The post-logout redirect URI only when Spring's provider matched it to the client's registration. */
    static String finalUrl(HttpServletRequest request, OidcLogoutAuthenticationToken validated) {
        if (!validated.isAuthenticated() || !StringUtils.hasText(validated.getPostLogoutRedirectUri())) {
            return request.getContextPath() + SignOutHandlers.LOGGED_OUT_PAGE;
        }
        return withState(validated.getPostLogoutRedirectUri(), validated.getState());
    }

    /** @return a validated {@code post_logout_redirect_uri}, its own query kept, with {@code state} added (§3) */
    static String withState(String postLogoutRedirectUri, String state) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(postLogoutRedirectUri);
        if (StringUtils.hasText(state)) {
            uri.queryParam("state", UriUtils.encode(state, StandardCharsets.UTF_8));
        }
        return uri.build(true).toUriString();
    }
}
