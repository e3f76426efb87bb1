package id.satupintu.idp.session.logout;

import java.util.List;
import java.util.UUID;

import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * What is left to do once a single sign-on session has ended: the SAML service providers that must
 * still be told through the browser (SAML Profiles §4.4: front channel), the initiator excluded, and
 * the OIDC clients whose front-channel logout pages the browser must load (OIDC Front-Channel Logout
 * 1.0). OIDC clients with a back-channel endpoint were already told over the back channel.
 *
 * @param citizenId who was signed in, or null when the browser had no signed-in session
 * @param samlParticipants SAML SPs of the session still to log out, in the order they joined
 * @param oidcParticipants every OIDC client of the session, the initiator included: their front-channel
 *        logout pages are rendered (OIDC Front-Channel Logout 1.0 §3, the initiating RP's too)
 */
public record EndedSession(UUID citizenId, List<SamlParticipant> samlParticipants,
                           List<OidcParticipant> oidcParticipants) {

    public EndedSession {
        samlParticipants = List.copyOf(samlParticipants);
        oidcParticipants = List.copyOf(oidcParticipants);
    }

    /** A session without OIDC participants to render front-channel frames for. */
    public EndedSession(UUID citizenId, List<SamlParticipant> samlParticipants) {
        this(citizenId, samlParticipants, List.of());
    }
}
