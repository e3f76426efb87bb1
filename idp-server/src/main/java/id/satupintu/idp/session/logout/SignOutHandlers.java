package id.satupintu.idp.session.logout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The citizen's own "sign out" on SatuPintu ({@code POST /logout}), through Spring Security's logout
 * filter: the handler ends the session with {@link SsoLogout} before Spring's own handlers run (they
 * would drop the participants with the session), the success handler then logs the browser out of the
 * SAML service providers and ends on the signed-out page. The same form confirms a logout an OIDC
 * client asked for without {@code id_token_hint} ({@link PendingSignOut}): then that client is the
 * initiator and the browser ends on its validated {@code post_logout_redirect_uri}.
 */
@Component
public class SignOutHandlers {

    /** Public page where every sign-out without a return address ends. */
    public static final String LOGGED_OUT_PAGE = LoggedOutPageController.PATH;

    /** Where a logout an application asked for is confirmed ({@link SignOutConfirmationController}). */
    public static final String CONFIRM_PAGE = SignOutConfirmationController.PATH;

    private static final String ENDED = SignOutHandlers.class.getName() + ".ended";
    private static final String FINAL_URL = SignOutHandlers.class.getName() + ".finalUrl";

    private final SsoLogout logout;

    public SignOutHandlers(SsoLogout logout) {
        this.logout = logout;
    }

    public LogoutHandler endSession() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            PendingSignOut confirmed = PendingSignOut.takeConfirmed(request);
            LogoutInitiator initiator = confirmed == null ? LogoutInitiator.citizen()
                    : LogoutInitiator.oidcClient(confirmed.clientId());
            if (confirmed != null) {
                request.setAttribute(FINAL_URL, confirmed.finalUrl());
            }
            request.setAttribute(ENDED, logout.end(request, response, initiator));
        };
    }

    public LogoutSuccessHandler propagate() {
        return (request, response, authentication) -> {
            EndedSession ended = request.getAttribute(ENDED) instanceof EndedSession e ? e : new EndedSession(null, java.util.List.of());
            String finalUrl = request.getAttribute(FINAL_URL) instanceof String url ? url
                    : request.getContextPath() + LOGGED_OUT_PAGE;
            logout.continueThenRedirect(request, response, ended, finalUrl);
        };
    }
}
