package id.satupintu.idp.session.logout;

import java.util.List;
import java.util.UUID;

import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * What is left to do once a single sign-on session has ended: the SAML service providers that must
 * still be told through the browser (SAML Profiles §4.4: front channel), the initiator excluded.
 * OIDC clients were already told over the back channel.
 *
 * @param citizenId who was signed in, or null when the browser had no signed-in session
 * @param samlParticipants SAML SPs of the session still to log out, in the order they joined
 */
public record EndedSession(UUID citizenId, List<SamlParticipant> samlParticipants) {

    public EndedSession {
        samlParticipants = List.copyOf(samlParticipants);
    }
}
