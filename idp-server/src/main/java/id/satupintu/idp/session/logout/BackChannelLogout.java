package id.satupintu.idp.session.logout;

import java.util.List;
import java.util.UUID;

import id.satupintu.idp.session.SsoParticipants.OidcParticipant;

/**
 * Tells OIDC clients, server to server, that a citizen's session ended (OpenID Connect Back-Channel
 * Logout 1.0). Implementations must not block the caller: the citizen's browser is waiting.
 */
public interface BackChannelLogout {

    /**
     * Starts telling each participant that registered a back-channel logout endpoint; others are skipped.
     *
     * @param citizenId whose session ended (audit only); may be null
     */
    void notifyEnded(UUID citizenId, List<OidcParticipant> participants);
}
