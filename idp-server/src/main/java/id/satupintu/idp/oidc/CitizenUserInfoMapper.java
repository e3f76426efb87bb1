package id.satupintu.idp.oidc;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.oidc.claims.ClaimsRequest;
import id.satupintu.idp.oidc.claims.ClientClaims;
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
 * the scopes of the presented access token (and still registered for the client), with the same
 * pairwise {@code sub} as the ID token (§5.3.2: the two MUST match), and the {@code userinfo} member
 * of the {@code claims} parameter the authorization was granted with (§5.5), OIDC4IDA
 * {@code verified_claims} included ({@link ClientClaims}).
 */
@Component
public class CitizenUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final ClientClaims clientClaims;
    private final RegisteredClientRepository clients;
    private final PairwiseSubjects pairwiseSubjects;

    public CitizenUserInfoMapper(ClientClaims clientClaims, RegisteredClientRepository clients,
                                 PairwiseSubjects pairwiseSubjects) {
        this.clientClaims = clientClaims;
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
        Map<String, Object> scopedClaims = clientClaims.forUserInfo(citizenId, client,
                        context.getAccessToken().getScopes(), ClaimsRequest.of(authorization))
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
