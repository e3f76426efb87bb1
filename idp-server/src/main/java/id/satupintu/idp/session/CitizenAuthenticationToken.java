package id.satupintu.idp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated citizen, as held in the SSO session's security context.
 * {@link #getName()} is the internal citizen id, which is what the authorization server
 * records as the resource owner's principal name.
 */
public final class CitizenAuthenticationToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final AuthenticatedCitizen citizen;

    public CitizenAuthenticationToken(AuthenticatedCitizen citizen) {
        super(authorities(citizen));
        this.citizen = citizen;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(AuthenticatedCitizen citizen) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_CITIZEN"));
        for (String method : citizen.amr()) {
            String factor = "pwd".equals(method) ? FactorGrantedAuthority.PASSWORD_AUTHORITY : "FACTOR_" + method.toUpperCase();
            authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(citizen.authenticatedAt()).build());
        }
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AuthenticatedCitizen getPrincipal() {
        return citizen;
    }

    @Override
    public String getName() {
        return principalNameOf(citizen.citizenId());
    }

    /**
     * The principal name of a citizen, as the SSO session index and the authorization server's
     * grants record it; what ends a citizen's sessions and revokes their grants.
     */
    public static String principalNameOf(UUID citizenId) {
        return citizenId.toString();
    }
}
