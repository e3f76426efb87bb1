package id.satupintu.idp.session.logout;

import java.util.List;
import java.util.UUID;

import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

/**
 * The front-channel logout pages of the OIDC clients of an ended session (OpenID Connect Front-Channel
 * Logout 1.0 §3), rendered as iframes of the signed-out page. Implemented by the OIDC package, which
 * knows the clients' registrations, so this package stays protocol-neutral.
 */
public interface LogoutFrames {

    /**
     * @param citizenId whose session ended (audit only); may be null
     * @param participants every OIDC participant of the session, the initiating client included (§3:
     *        the OP should render the initiating RP's frame too)
     * @return one frame per participant that registered a {@code frontchannel_logout_uri}; others are skipped
     */
    List<LogoutFrame> framesFor(UUID citizenId, List<OidcParticipant> participants);
}
