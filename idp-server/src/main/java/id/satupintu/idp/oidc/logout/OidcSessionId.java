package id.satupintu.idp.oidc.logout;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * The {@code sid} of a single sign-on session (OIDC Front-/Back-Channel Logout 1.0 §2.1 / §2.4):
 * a random 128-bit value kept in the session itself, made on first use.
 *
 * <p>Why not Spring's: Spring's authorization server puts the SHA-256 of the servlet session id in
 * ID tokens only when a {@code SessionRegistry} is wired, and at the token endpoint (a request of the
 * client, not of the browser) it takes the principal's <em>most recent</em> session, so a citizen
 * signed in on two browsers can get the other browser's {@code sid}. Here the browser's own session
 * names itself when the code is issued ({@link OidcParticipation}); the value travels to the token
 * endpoint inside the authorization, and survives a session id change on re-authentication.
 */
public final class OidcSessionId {

    /** Session attribute and authorization attribute holding the {@code sid}. */
    public static final String ATTRIBUTE = "satupintu.sid";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OidcSessionId() {
    }

    /** @return the session's {@code sid}, made and kept in the session the first time */
    public static String of(HttpSession session) {
        if (session.getAttribute(ATTRIBUTE) instanceof String sid) {
            return sid;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, sid);
        return sid;
    }

    /** @return the {@code sid} recorded in an authorization when its code was issued, or null */
    public static String of(OAuth2Authorization authorization) {
        return authorization == null ? null : authorization.getAttribute(ATTRIBUTE);
    }
}
