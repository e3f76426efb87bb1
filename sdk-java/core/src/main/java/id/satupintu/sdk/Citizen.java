package id.satupintu.sdk;

import java.io.Serializable;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in citizen as the application sees it: what {@code getUserPrincipal()} returns.
 *
 * @param name   the principal name: the claim named by {@code satupintu.principal-claim} ({@code sub} by default)
 * @param roles  values of the claim named by {@code satupintu.role-claim}, for {@code isUserInRole}
 * @param claims every claim of the sign-in
 */
public record Citizen(String name, Set<String> roles, Claims claims) implements Principal, Serializable {

    /**
     * @return the citizen built from a login with the configuration's principal and role claims. The
     *         principal is the login's subject when the principal claim is absent or not a string. The
     *         role claim may be a string array or one string of roles separated by spaces or commas, and
     *         may be a dotted path into nested objects ({@code realm_access.roles}) when no top-level
     *         claim has that name.
     */
    public static Citizen of(Login login, SatuPintuConfig config) {
        Claims claims = login.claims();
        String name = claims.string(config.principalClaim()).orElse(login.subject());
        return new Citizen(name, Set.copyOf(roles(claims.asMap(), config.roleClaim())), claims);
    }

    private static Set<String> roles(Map<String, Object> claims, String roleClaim) {
        Object value = claimAt(claims, roleClaim);
        Set<String> roles = new LinkedHashSet<>();
        if (value instanceof String text) {
            Arrays.stream(text.split("[\\s,]+")).filter(role -> !role.isEmpty()).forEach(roles::add);
        } else if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
        }
        return roles;
    }

    private static Object claimAt(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || !name.contains(".")) {
            return claims.get(name);
        }
        Object current = claims;
        for (String step : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
