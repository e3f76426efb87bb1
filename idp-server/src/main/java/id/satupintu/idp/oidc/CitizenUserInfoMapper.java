package id.satupintu.idp.oidc;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.citizen.CitizenClaimsSource;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * Builds the UserInfo response (OIDC Core §5.3.2) from the citizen's current record, limited to
 * the scopes of the presented access token, with the same pairwise {@code sub} as the ID token
 * (§5.3.2: the two MUST match).
 */
@Component
public class CitizenUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final CitizenClaimsSource claimsSource;
    private final RegisteredClientRepository clients;
    private final PairwiseSubjects pairwiseSubjects;

    public CitizenUserInfoMapper(CitizenClaimsSource claimsSource, RegisteredClientRepository clients,
                                 PairwiseSubjects pairwiseSubjects) {
        this.claimsSource = claimsSource;
        this.clients = clients;
        this.pairwiseSubjects = pairwiseSubjects;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
        if (!(principal instanceof CitizenAuthenticationToken citizen) || client == null) {
            throw inactiveCitizen();
        }
        UUID citizenId = citizen.getPrincipal().citizenId();
        // the presented token's scopes, not the grant's: a refresh may have narrowed them (RFC 6749 §6)
        Map<String, Object> scopedClaims = claimsSource.claimsFor(citizenId, context.getAccessToken().getScopes())
                .orElseThrow(CitizenUserInfoMapper::inactiveCitizen);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", pairwiseSubjects.subjectFor(AgencyOfClient.of(client), citizenId));
        claims.putAll(scopedClaims);
        return new OidcUserInfo(claims);
    }

    private static OAuth2AuthenticationException inactiveCitizen() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The access token does not belong to an active citizen.", null));
    }
}
