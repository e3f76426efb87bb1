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
 * SAML service providers and ends on the signed-out page.
 */
@Component
public class SignOutHandlers {

    /** Public page where every sign-out without a return address ends. */
    public static final String LOGGED_OUT_PAGE = LoggedOutPageController.PATH;

    private static final String ENDED = SignOutHandlers.class.getName() + ".ended";

    private final SsoLogout logout;

    public SignOutHandlers(SsoLogout logout) {
        this.logout = logout;
    }

    public LogoutHandler endSession() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) ->
                request.setAttribute(ENDED, logout.end(request, response, LogoutInitiator.citizen()));
    }

    public LogoutSuccessHandler propagate() {
        return (request, response, authentication) -> {
            EndedSession ended = request.getAttribute(ENDED) instanceof EndedSession e ? e : new EndedSession(null, java.util.List.of());
            logout.continueThenRedirect(request, response, ended, request.getContextPath() + LOGGED_OUT_PAGE);
        };
    }
}
