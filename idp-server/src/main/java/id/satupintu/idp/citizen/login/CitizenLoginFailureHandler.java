package id.satupintu.idp.citizen.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Turns a failed sign-in into the message the login page shows, then redirects back to it. Every
 * credential failure (unknown NIK, wrong password, anything unexpected) gets the same message.
 */
public class CitizenLoginFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        request.getSession().setAttribute(LoginError.SESSION_ATTRIBUTE, errorFor(exception));
        redirect.sendRedirect(request, response, CitizenLoginConfigurer.LOGIN_PAGE + "?error");
    }

    static LoginError errorFor(AuthenticationException exception) {
        if (exception instanceof MalformedNikException malformed) {
            return new LoginError(malformed.reason().messageKey(), null);
        }
        if (exception instanceof LoginThrottledException throttled) {
            return new LoginError(LoginError.THROTTLED, throttled.retryAt());
        }
        if (exception instanceof DisabledException) {
            return new LoginError(LoginError.DISABLED, null);
        }
        return new LoginError(LoginError.CREDENTIALS, null);
    }
}
