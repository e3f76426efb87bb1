package id.satupintu.idp.saml.slo;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;

/**
 * How far a single logout has come (SAML Profiles §4.4.3.3: the IdP sends a LogoutRequest to each
 * session participant in turn, through the browser). Kept in a fresh, otherwise empty session once
 * the SSO session has ended, so it lives where sessions live (Redis) for the few seconds it takes,
 * and never in a session that still signs anyone in.
 *
 * @param citizenId whose session ended (audit only), or null
 * @param remaining participants not yet asked, in order
 * @param outstanding the request waiting for its LogoutResponse, or null
 * @param partial whether some participant failed, refused or could not be reached (PartialLogout)
 * @param completion what happens once every participant was asked
 */
record LogoutProgress(UUID citizenId, List<SamlParticipant> remaining, Outstanding outstanding, boolean partial,
                      Completion completion) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = LogoutProgress.class.getName();

    /** Idle lifetime of the session made to hold only the progress: long enough for a slow SP, no longer. */
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);

    LogoutProgress {
        remaining = List.copyOf(remaining);
        Objects.requireNonNull(completion, "completion");
    }

    /** The LogoutRequest the chain waits on (SAML Core §3.7.3.1: its ID comes back as {@code InResponseTo}). */
    record Outstanding(String entityId, String requestId, Instant sentAt) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** What the chain ends with. */
    sealed interface Completion extends Serializable permits RedirectTo, AnswerInitiator {
    }

    /** Send the browser to a URL validated by whoever started the logout. */
    record RedirectTo(String url) implements Completion {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Answer the SP that asked (SAML Profiles §4.4.3.4), after the OIDC front-channel logout frames of
     * the ended session when there are any (OIDC Front-Channel Logout 1.0 §3).
     *
     * @param inResponseTo its LogoutRequest's ID
     * @param relayState its RelayState, returned verbatim (SAML Bindings §3.4.3), or null
     * @param oidcParticipants the OIDC clients of the ended session, whose front-channel logout pages
     *        the browser loads before the answer; empty when none (also when a node without this
     *        component saved the progress)
     */
    record AnswerInitiator(String entityId, String inResponseTo, String relayState,
                           List<OidcParticipant> oidcParticipants) implements Completion {
        private static final long serialVersionUID = 1L;

        AnswerInitiator {
            oidcParticipants = oidcParticipants == null ? List.of() : List.copyOf(oidcParticipants);
        }
    }

    LogoutProgress waitingFor(Outstanding request, List<SamlParticipant> stillRemaining) {
        return new LogoutProgress(citizenId, stillRemaining, request, partial, completion);
    }

    LogoutProgress answered(boolean failed) {
        return new LogoutProgress(citizenId, remaining, null, partial || failed, completion);
    }

    LogoutProgress withFailure() {
        return new LogoutProgress(citizenId, remaining, outstanding, true, completion);
    }

    List<SamlParticipant> remainingCopy() {
        return new ArrayList<>(remaining);
    }

    static LogoutProgress load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof LogoutProgress progress ? progress : null;
    }

    void save(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.isNew()) {
            // the SSO session was just invalidated: this one holds nothing but the logout
            session.setMaxInactiveInterval((int) SESSION_LIFETIME.toSeconds());
        }
        session.setAttribute(ATTRIBUTE, this);
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
