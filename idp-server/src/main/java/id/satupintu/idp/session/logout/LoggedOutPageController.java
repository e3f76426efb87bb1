package id.satupintu.idp.session.logout;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;

/**
 * The page a sign-out ends on, and where the OIDC front-channel logout frames of the ended session
 * are rendered (OpenID Connect Front-Channel Logout 1.0 §3): one hidden iframe per client, under a
 * policy allowing exactly their origins ({@link LogoutPagePolicy}). When a client asked to have the
 * citizen back, {@code /js/frontchannel-logout.js} continues to its validated
 * {@code post_logout_redirect_uri} once the frames loaded (the window's load event waits for them) or
 * after a timeout; without script, a visible link does. Each rendered frame is audited as
 * {@value #RENDERED}: the OP cannot see whether a frame's page worked, only that it was sent.
 */
@Controller
class LoggedOutPageController {

    /** Public: nobody is signed in any more when it is shown. */
    static final String PATH = "/logged-out";
    static final String RENDERED = "oidc.frontchannel_logout.rendered";

    private final AuditLog audit;

    LoggedOutPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(PATH)
    String loggedOut(@RequestParam(name = "partial", required = false) String partial, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
        if (partial != null) {
            model.addAttribute("partial", true);
        }
        PendingLogoutFrames pending = PendingLogoutFrames.take(request);
        if (pending != null) {
            response.setHeader("Content-Security-Policy", LogoutPagePolicy.withFrames(pending.frames()));
            model.addAttribute("logoutFrames", pending.frames());
            model.addAttribute("continueUrl", pending.continueUrl());
            // switching language reloads the page, and the frames are shown only once
            model.addAttribute("hideLanguageSwitch", true);
            for (LogoutFrame frame : pending.frames()) {
                audit.record(AuditEvent.success(RENDERED, frame.clientId(), pending.citizenId(),
                        request.getRemoteAddr(), Map.of("origin", frame.origin())));
            }
        }
        return "logged-out";
    }
}
