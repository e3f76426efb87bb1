package id.satupintu.idp.saml.slo;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.satupintu.idp.session.SsoParticipants.SamlParticipant;
import id.satupintu.idp.session.logout.FrontChannelLogout;

/**
 * Single logout of SAML service providers when the session ended outside SAML (OIDC RP-initiated
 * logout, SatuPintu's own sign-out): records the chain, then sends the browser to the SLO service's
 * continuation, which sends the first LogoutRequest (SAML Profiles §4.4.3.3). The detour keeps every
 * SAML message, HTTP-POST forms included, on the SLO service's own pages.
 */
final class SamlFrontChannelLogout implements FrontChannelLogout {

    private final SloChain chain;

    SamlFrontChannelLogout(SloChain chain) {
        this.chain = chain;
    }

    @Override
    public boolean start(HttpServletRequest request, HttpServletResponse response, UUID citizenId,
                         List<SamlParticipant> participants, String finalUrl) throws IOException {
        if (!chain.start(request, citizenId, participants, finalUrl)) {
            return false;
        }
        response.sendRedirect(request.getContextPath() + SloEndpoints.CONTINUE);
        return true;
    }
}
