package id.satupintu.sdk.spring;

import id.satupintu.sdk.token.VerifiedAccessToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The API request as the application sees it once its bearer token passed: the standard servlet
 * identity methods answer from the token, so existing code that calls {@code getRemoteUser()} or
 * {@code isUserInRole()} works unchanged.
 */
final class BearerRequest extends HttpServletRequestWrapper {

    private final BearerPrincipal principal;
    private final String roleClaim;

    BearerRequest(HttpServletRequest request, VerifiedAccessToken token, String roleClaim) {
        super(request);
        this.principal = new BearerPrincipal(token);
        this.roleClaim = roleClaim;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    /** Roles are the values of the configured role claim in the access token, as for browser sign-ins. */
    @Override
    public boolean isUserInRole(String role) {
        return principal.token().claims().strings(roleClaim).contains(role);
    }

    /** Jakarta Servlet has no constant for bearer tokens; RFC 6750 names the scheme "Bearer". */
    @Override
    public String getAuthType() {
        return "Bearer";
    }
}
