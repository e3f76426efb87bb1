package id.satupintu.idp.session.logout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Content-Security-Policy of a signed-out page that renders front-channel logout frames: the
 * site's policy, plus a {@code frame-src} naming exactly the origins of the frames of this response
 * (CSP 3 §6.1.2; OIDC Front-Channel Logout 1.0 §3). Set by the controller itself: Spring Security's
 * header writer leaves a policy already on the response alone, so every other page keeps the site's.
 */
final class LogoutPagePolicy {

    /**
     * The site's policy ({@code web.WebSecurityConfiguration}); {@code LoggedOutPageHttpTest} checks the
     * two stay equal, so this copy cannot drift unseen.
     */
    static final String SITE_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private LogoutPagePolicy() {
    }

    /** @return the site's policy with {@code frame-src} allowing the frames' origins and nothing else */
    static String withFrames(List<LogoutFrame> frames) {
        Set<String> origins = new LinkedHashSet<>();
        frames.forEach(frame -> origins.add(frame.origin()));
        return SITE_POLICY + "; frame-src " + String.join(" ", origins);
    }
}
