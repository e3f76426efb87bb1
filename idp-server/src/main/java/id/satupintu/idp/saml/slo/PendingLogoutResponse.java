package id.satupintu.idp.saml.slo;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import id.satupintu.idp.saml.binding.PostForm;

/**
 * The signed HTTP-POST {@code LogoutResponse} to the SP that started a logout, built and waiting while
 * the signed-out page renders the OIDC front-channel logout frames of the ended session: the page
 * continues to {@value SloEndpoints#RESPONSE}, which renders it once. Kept in the fresh session that
 * follows the ended one, like the frames themselves, so the continuation URL carries nothing and can
 * only ever deliver what SatuPintu built.
 *
 * @param action the SP's SLO endpoint from its metadata
 * @param value the base64-encoded, signed LogoutResponse
 * @param relayState the SP's RelayState, returned verbatim; null when there was none
 */
record PendingLogoutResponse(String action, String value, String relayState) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ATTRIBUTE = PendingLogoutResponse.class.getName();

    static PendingLogoutResponse of(PostForm form) {
        return new PendingLogoutResponse(form.action(), form.value(), form.relayState());
    }

    PostForm form() {
        return new PostForm(action, "SAMLResponse", value, relayState);
    }

    void save(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        if (session.isNew()) {
            session.setMaxInactiveInterval((int) LogoutProgress.SESSION_LIFETIME.toSeconds());
        }
        session.setAttribute(ATTRIBUTE, this);
    }

    /** @return the waiting response, removed from the session (delivered once), or null when none waits */
    static PendingLogoutResponse take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            if (session.getAttribute(ATTRIBUTE) instanceof PendingLogoutResponse pending) {
                session.removeAttribute(ATTRIBUTE);
                return pending;
            }
            return null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
