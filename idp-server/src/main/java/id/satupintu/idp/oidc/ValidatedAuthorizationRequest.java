package id.satupintu.idp.oidc;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The authorization request as Spring's authorization endpoint validated it (client and redirect
 * URI known and matching) before the security filters further down run, and the way to answer it
 * with an error: through the client's validated redirect URI, never through an unchecked one.
 */
final class ValidatedAuthorizationRequest {

    private ValidatedAuthorizationRequest() {
    }

    /**
     * @return whether the request is an authorization request (it has a {@code response_type}), as
     *         opposed to a consent submission to the same endpoint
     */
    static boolean isAuthorizationRequest(HttpServletRequest request, String authorizationEndpoint) {
        return authorizationEndpoint.equals(request.getRequestURI().substring(request.getContextPath().length()))
                && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) != null;
    }

    /** @return the pre-validated request, or null when none was validated (then no redirect is safe) */
    static OAuth2AuthorizationCodeRequestAuthenticationToken of(HttpServletRequest request) {
        Object validated = request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
        return validated instanceof OAuth2AuthorizationCodeRequestAuthenticationToken token ? token : null;
    }

    static void reject(HttpServletRequest request, HttpServletResponse response, AuthenticationFailureHandler errors,
                       String errorCode, String description) throws IOException, ServletException {
        errors.onAuthenticationFailure(request, response, new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(errorCode, description, null), of(request)));
    }
}
