package id.satupintu.sdk.javax;

import id.satupintu.sdk.Citizen;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * The application's view of a request of a signed-in citizen: the container-managed security methods of the
 * servlet specification (Java Servlet 4.0 §13.3, "Programmatic Security") answer from the {@link Citizen}
 * instead of the container's own realm, so existing code using them needs no change.
 */
final class CitizenRequest extends HttpServletRequestWrapper {

    /** The value of {@link #getAuthType()}: not one of the servlet constants, as sign-on is OpenID Connect. */
    static final String AUTH_TYPE = "OIDC";

    private final Citizen citizen;

    CitizenRequest(HttpServletRequest request, Citizen citizen) {
        super(request);
        this.citizen = citizen;
    }

    @Override
    public String getRemoteUser() {
        return citizen.getName();
    }

    @Override
    public Principal getUserPrincipal() {
        return citizen;
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && citizen.hasRole(role);
    }

    @Override
    public String getAuthType() {
        return AUTH_TYPE;
    }
}
