package id.satupintu.sdk;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The signed-in citizen as the application sees it: what {@code getUserPrincipal()} returns.
 *
 * @param name   the principal name: the claim named by {@code satupintu.principal-claim} ({@code sub} by default)
 * @param roles  values of the claim named by {@code satupintu.role-claim}, for {@code isUserInRole}
 * @param claims every claim of the sign-in
 */
public record Citizen(String name, Set<String> roles, Claims claims) implements Principal, Serializable {

    /** @return the citizen built from a login with the configuration's principal and role claims */
    public static Citizen of(Login login, SatuPintuConfig config) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
