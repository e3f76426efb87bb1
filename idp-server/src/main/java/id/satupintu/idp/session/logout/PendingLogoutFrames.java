package id.satupintu.idp.session.logout;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Front-channel logout frames waiting for the signed-out page: kept in the fresh session that follows
 * the ended one (the SSO session is already invalidated), read once by the page. The browser may first
 * go through the SAML single logout chain, which ends on that page, so the frames cannot travel in the
 * response that ended the session.
 *
 * @param citizenId whose session ended (audit only); may be null
 * @param frames the iframes to render, never empty
 * @param continueUrl where the browser goes once the frames loaded: a URL the caller validated (a
 *        registered {@code post_logout_redirect_uri}); null when the signed-out page is the end
 */
record PendingLogoutFrames(UUID citizenId, List<LogoutFrame> frames, String continueUrl) implements Serializable {

    static final String ATTRIBUTE = PendingLogoutFrames.class.getName();
    /** Long enough to pass through a slow SAML chain; the session holds nothing else worth keeping. */
    private static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);

    PendingLogoutFrames {
        frames = List.copyOf(frames);
    }

    void save(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.isNew()) {
            session.setMaxInactiveInterval((int) SESSION_LIFETIME.toSeconds());
        }
        session.setAttribute(ATTRIBUTE, this);
    }

    /** @return the waiting frames, removed from the session (shown once), or null when none wait */
    static PendingLogoutFrames take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            Object value = session.getAttribute(ATTRIBUTE);
            if (value instanceof PendingLogoutFrames pending) {
                session.removeAttribute(ATTRIBUTE);
                return pending;
            }
            return null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
