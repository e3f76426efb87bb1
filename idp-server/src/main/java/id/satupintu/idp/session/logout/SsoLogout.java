package id.satupintu.idp.session.logout;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.SsoParticipants;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * Ends the browser's single sign-on session and tells its participants: every OIDC client over the
 * back channel (OIDC Back-Channel Logout 1.0) and, when it registered a front-channel logout page,
 * through an iframe of the signed-out page (OIDC Front-Channel Logout 1.0 §3), the initiating client
 * included; every SAML service provider but the initiator through the browser (SAML Profiles §4.4), by
 * {@link FrontChannelLogout}.
 *
 * <p>Why an initiating OIDC client is told too: its redirect ends the one browser session it came
 * from, while the logout token reaches every node and every session it keeps for that {@code sid}
 * (the OpenID Foundation's {@code oidcc-backchannel-rp-initiated-logout} expects that token). A SAML
 * initiator is not: its {@code LogoutResponse} is the answer (SAML Profiles §4.4.3.4).
 *
 * <p>Order in the browser: the SAML chain first, then the signed-out page with the OIDC frames, then
 * the validated final URL. The SAML chain already ends on a URL of ours, so the frames page is simply
 * that URL ({@link LoggedOutPageController}), and the frames wait in the fresh session
 * ({@link PendingLogoutFrames}); the chain needs no knowledge of OIDC. A SAML service provider's own
 * {@code LogoutRequest} ends with the {@code LogoutResponse} to it, which the SAML package sends: when
 * there are frames, it sends the browser through the signed-out page first, with the response as the
 * page's continuation ({@link #framesPageThen}).
 *
 * <p>One service for the three ways a session ends: a SAML SP's {@code LogoutRequest}, an OIDC client's RP-initiated logout, and the
 * citizen's own "sign out".
 *
 * <p>The session is invalidated, which with Redis deletes it for every node at once; the security
 * context is cleared. The participants are read before, so nothing is lost with it.
 */
@Component
public class SsoLogout {

    static final String AUDIT_EVENT = "sso.logout";

    private final BackChannelLogout backChannel;
    private final ObjectProvider<FrontChannelLogout> frontChannel;
    private final LogoutFrames logoutFrames;
    private final AuditLog audit;

    public SsoLogout(BackChannelLogout backChannel, ObjectProvider<FrontChannelLogout> frontChannel,
                     LogoutFrames logoutFrames, AuditLog audit) {
        this.backChannel = backChannel;
        this.frontChannel = frontChannel;
        this.logoutFrames = logoutFrames;
        this.audit = audit;
    }

    /**
     * Ends the session and starts the back-channel notifications.
     *
     * @return the SAML service providers still to be told through the browser
     */
    public EndedSession end(HttpServletRequest request, HttpServletResponse response, LogoutInitiator initiator) {
        HttpSession session = request.getSession(false);
        SsoParticipants participants = session == null ? null : participantsOf(session);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID citizenId = authentication instanceof CitizenAuthenticationToken citizen
                ? citizen.getPrincipal().citizenId() : null;
        new SecurityContextLogoutHandler().logout(request, response, authentication);

        List<OidcParticipant> oidc = participants == null ? List.of() : participants.oidc();
        List<SamlParticipant> saml = participants == null ? List.of()
                : participants.saml().stream().filter(p -> !initiator.isSamlServiceProvider(p.entityId())).toList();
        if (!oidc.isEmpty()) {
            backChannel.notifyEnded(citizenId, oidc);
        }
        if (citizenId != null) {
            audit.record(AuditEvent.success(AUDIT_EVENT, initiator.kind() == LogoutInitiator.Kind.CITIZEN ? null
                    : initiator.id(), citizenId, request.getRemoteAddr(), Map.of(
                    "initiator", initiator.kind().name().toLowerCase(java.util.Locale.ROOT),
                    "oidc_participants", String.valueOf(oidc.size()),
                    "saml_participants", String.valueOf(saml.size()))));
        }
        return new EndedSession(citizenId, saml, oidc);
    }

    /**
     * Ends the session, then logs the browser out of the remaining SAML service providers and sends
     * it to {@code finalUrl}, or sends it there at once when there are none.
     *
     * @param finalUrl a URL the caller validated
     */
    public void endThenRedirect(HttpServletRequest request, HttpServletResponse response, LogoutInitiator initiator,
                                String finalUrl) throws IOException {
        EndedSession ended = end(request, response, initiator);
        continueThenRedirect(request, response, ended, finalUrl);
    }

    /**
     * The front-channel part of {@link #endThenRedirect}, for callers that ended the session earlier:
     * the SAML chain, then the OIDC front-channel frames on the signed-out page, then {@code finalUrl}.
     */
    public void continueThenRedirect(HttpServletRequest request, HttpServletResponse response, EndedSession ended,
                                     String finalUrl) throws IOException {
        String target = framesThen(request, ended, finalUrl);
        FrontChannelLogout saml = frontChannel.getIfAvailable();
        if (ended.samlParticipants().isEmpty() || saml == null
                || !saml.start(request, response, ended.citizenId(), ended.samlParticipants(), target)) {
            response.sendRedirect(target);
        }
    }

    /**
     * @return the signed-out page when there are frames to render (kept for it until then, with
     *         {@code finalUrl} to continue to unless that is the signed-out page itself), else {@code finalUrl}
     */
    private String framesThen(HttpServletRequest request, EndedSession ended, String finalUrl) {
        if (ended.oidcParticipants().isEmpty()) {
            return finalUrl;
        }
        List<LogoutFrame> frames = logoutFrames.framesFor(ended.citizenId(), ended.oidcParticipants());
        if (frames.isEmpty()) {
            return finalUrl;
        }
        String loggedOutPage = request.getContextPath() + LoggedOutPageController.PATH;
        new PendingLogoutFrames(ended.citizenId(), frames, loggedOutPage.equals(finalUrl) ? null : finalUrl)
                .save(request);
        return loggedOutPage;
    }

    /**
     * The OIDC front-channel part of a logout that a SAML service provider started: its
     * {@code LogoutResponse} is sent by the SAML package, after the frames when there are any.
     *
     * @param citizenId whose session ended (audit only); may be null
     * @param oidcParticipants the OIDC clients of the ended session ({@link EndedSession#oidcParticipants()})
     * @param continueUrl where the browser goes after the frames: only a URL SatuPintu built (the signed
     *        HTTP-Redirect {@code LogoutResponse} to the SP's SLO endpoint from its metadata, or a page of its own)
     * @return the signed-out page when there are frames to render (kept for it, with {@code continueUrl}),
     *         else {@code continueUrl} itself
     */
    public String framesPageThen(HttpServletRequest request, UUID citizenId, List<OidcParticipant> oidcParticipants,
                                 String continueUrl) {
        return framesThen(request, new EndedSession(citizenId, List.of(), oidcParticipants), continueUrl);
    }

    private static SsoParticipants participantsOf(HttpSession session) {
        try {
            return SsoParticipants.of(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
