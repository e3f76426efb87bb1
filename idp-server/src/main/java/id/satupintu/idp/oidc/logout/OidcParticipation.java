package id.satupintu.idp.oidc.logout;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

import id.satupintu.idp.agency.AgencyOfClient;
import id.satupintu.idp.oidc.PairwiseSubjects;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.SsoParticipants;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

/**
 * When an authorization code is issued for an OpenID request, the client joins the browser's single
 * sign-on session: recorded in {@link SsoParticipants} with the pairwise {@code sub} and the
 * session's {@code sid}, and that {@code sid} is written into the authorization so the ID token the
 * code is exchanged for carries the same value (OIDC Back-Channel Logout 1.0 §2.4: the RP matches
 * logout tokens to its sessions by {@code sub} and {@code sid}).
 */
@Component
public class OidcParticipation {

    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final PairwiseSubjects pairwiseSubjects;

    public OidcParticipation(OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
                             PairwiseSubjects pairwiseSubjects) {
        this.authorizations = authorizations;
        this.clients = clients;
        this.pairwiseSubjects = pairwiseSubjects;
    }

    /** Records the client of a code just issued; nothing for non-OpenID requests or non-citizens. */
    public void codeIssued(HttpServletRequest request, OAuth2AuthorizationCodeRequestAuthenticationToken issued) {
        if (!issued.getScopes().contains(OidcScopes.OPENID)
                || !(issued.getPrincipal() instanceof CitizenAuthenticationToken citizen)) {
            return;
        }
        RegisteredClient client = clients.findByClientId(issued.getClientId());
        if (client == null) {
            return;
        }
        var session = request.getSession();
        String sid = OidcSessionId.of(session);
        OAuth2Authorization authorization = authorizations.findByToken(
                issued.getAuthorizationCode().getTokenValue(), CODE);
        if (authorization != null && !sid.equals(OidcSessionId.of(authorization))) {
            authorizations.save(OAuth2Authorization.from(authorization).attribute(OidcSessionId.ATTRIBUTE, sid).build());
        }
        UUID citizenId = citizen.getPrincipal().citizenId();
        String subject = pairwiseSubjects.subjectFor(AgencyOfClient.of(client), citizenId);
        SsoParticipants.oidcJoined(session, new OidcParticipant(client.getClientId(), subject, sid));
    }
}
