package id.satupintu.idp.oidc;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rules of the authorization request that Spring's endpoint does not enforce, checked once the
 * client and redirect URI are validated:
 * <ul>
 * <li>no parameter more than once (RFC 6749 §3.1), whatever its name;</li>
 * <li>request objects are not supported, so {@code request} gets {@code request_not_supported} and
 *     {@code request_uri} gets {@code request_uri_not_supported} (OIDC Core §6.1, §6.2) rather than
 *     being ignored, which would silently drop what the client asked for.</li>
 * </ul>
 */
public class AuthorizationRequestRulesFilter extends OncePerRequestFilter {

    private static final AnonymousAuthenticationToken NOBODY = new AnonymousAuthenticationToken("rules",
            "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final String authorizationEndpoint;
    private final AuthenticationFailureHandler errors;
    private final RegisteredClientRepository clients;

    public AuthorizationRequestRulesFilter(String authorizationEndpoint, AuthenticationFailureHandler errors,
                                           RegisteredClientRepository clients) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.errors = errors;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ValidatedAuthorizationRequest.isAuthorizationRequest(request, authorizationEndpoint);
    }

    private void validateRedirectUri(HttpServletRequest request) {
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (client != null && redirectUri != null && client.getRedirectUris().contains(redirectUri)) {
            request.setAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName(),
                    new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getRequestURL().toString(), clientId,
                            NOBODY, redirectUri, request.getParameter(OAuth2ParameterNames.STATE), Set.of(), Map.of()));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1) {
                ValidatedAuthorizationRequest.reject(request, response, errors, OAuth2ErrorCodes.INVALID_REQUEST,
                        "OAuth 2.0 Parameter repeated: " + parameter.getKey());
                return;
            }
        }
        if (request.getParameter("request") != null) {
            ValidatedAuthorizationRequest.reject(request, response, errors, "request_not_supported",
                    "Request objects are not supported; send the parameters in the query.");
            return;
        }
        if (request.getParameter(OAuth2ParameterNames.REQUEST_URI) != null) {
            // Spring skips validation of requests by reference; answer through the redirect URI only
            // when it is exactly one the client registered
            validateRedirectUri(request);
            ValidatedAuthorizationRequest.reject(request, response, errors, "request_uri_not_supported",
                    "request_uri is not supported; send the parameters in the query.");
            return;
        }
        chain.doFilter(request, response);
    }
}
