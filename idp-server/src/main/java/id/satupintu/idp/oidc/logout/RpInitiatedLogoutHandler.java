package id.satupintu.idp.oidc.logout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

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
 * validated one, else to SatuPintu's signed-out page. Never to an unvalidated URL.
 */
@Component
public class RpInitiatedLogoutHandler implements AuthenticationSuccessHandler {

    private final SsoLogout logout;

    public RpInitiatedLogoutHandler(SsoLogout logout) {
        this.logout = logout;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcLogoutAuthenticationToken validated = (OidcLogoutAuthenticationToken) authentication;
        String finalUrl = finalUrl(request, validated);
        if (validated.isPrincipalAuthenticated()) {
            logout.endThenRedirect(request, response, LogoutInitiator.oidcClient(validated.getClientId()), finalUrl);
        } else {
            response.sendRedirect(finalUrl);
        }
    }

    /** The post-logout redirect URI only when Spring's provider matched it to the client's registration. */
    static String finalUrl(HttpServletRequest request, OidcLogoutAuthenticationToken validated) {
        if (!validated.isAuthenticated() || !StringUtils.hasText(validated.getPostLogoutRedirectUri())) {
            return request.getContextPath() + SignOutHandlers.LOGGED_OUT_PAGE;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(validated.getPostLogoutRedirectUri());
        if (StringUtils.hasText(validated.getState())) {
            uri.queryParam("state", UriUtils.encode(validated.getState(), StandardCharsets.UTF_8));
        }
        return uri.build(true).toUriString();
    }
}
