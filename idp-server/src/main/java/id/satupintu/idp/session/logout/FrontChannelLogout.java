package id.satupintu.idp.session.logout;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * Logs the browser out of SAML service providers one after another, through the browser (SAML
 * Profiles §4.4.3: the IdP sends a {@code LogoutRequest} to each session participant), then sends it
 * to a final, already validated URL. Implemented by the SAML package, so this package stays
 * protocol-neutral.
 */
public interface FrontChannelLogout {

    /**
     * Starts the chain, writing the first step to {@code response}.
     *
     * @param finalUrl where the browser goes once every SP answered or was given up on; a URL the
     *        caller validated (SatuPintu's own page, or a registered {@code post_logout_redirect_uri})
     * @return false when none of the participants can be reached (no SLO endpoint); nothing was written
     */
    boolean start(HttpServletRequest request, HttpServletResponse response, UUID citizenId,
                  List<SamlParticipant> participants, String finalUrl) throws IOException;
}
