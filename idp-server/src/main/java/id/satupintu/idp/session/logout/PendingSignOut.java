package id.satupintu.idp.session.logout;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A logout an OIDC client asked for without {@code id_token_hint}, waiting for the citizen to confirm
 * it (RP-Initiated Logout 1.0 §2: without the hint the request may not come from the citizen's
 * application at all, so the OP asks). Kept in the SSO session; only the confirmation form that
 * carries its {@link #id()} uses it, so a later, unrelated "sign out" never goes to this client's URL.
 *
 * @param id random, put in the confirmation form
 * @param clientId the client that asked, or null when the request named none
 * @param clientName that client's name, to show the citizen; null when none
 * @param finalUrl where the browser goes after the logout: a URL the caller validated (a registered
 *        {@code post_logout_redirect_uri} with {@code state}, or the signed-out page)
 */
public record PendingSignOut(String id, String clientId, String clientName, String finalUrl) implements Serializable {

    static final String ATTRIBUTE = PendingSignOut.class.getName();
    /** The confirmation form's field naming the pending logout. */
    static final String PARAMETER = "pending_logout";
    private static final SecureRandom RANDOM = new SecureRandom();

    public PendingSignOut {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(finalUrl, "finalUrl");
    }

    /** @return a pending logout with a fresh random id */
    public static PendingSignOut of(String clientId, String clientName, String finalUrl) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new PendingSignOut(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), clientId, clientName,
                finalUrl);
    }

    /** Keeps it in the browser's session (which must exist: only a signed-in citizen is asked). */
    public void save(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }

    /** @return the pending logout, for showing the confirmation page; null when none */
    static PendingSignOut peek(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof PendingSignOut pending ? pending : null;
    }

    /** @return the pending logout the submitted form confirms, removed; null when the form names none or another */
    static PendingSignOut takeConfirmed(HttpServletRequest request) {
        PendingSignOut pending = peek(request);
        if (pending == null) {
            return null;
        }
        request.getSession().removeAttribute(ATTRIBUTE);
        return pending.id().equals(request.getParameter(PARAMETER)) ? pending : null;
    }
}
