package id.satupintu.idp.session.logout;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Asks the citizen to confirm a logout an application requested without {@code id_token_hint}
 * (RP-Initiated Logout 1.0 §2: the OP should ask whether to log out). The form posts to SatuPintu's own
 * sign-out ({@code POST /logout}, CSRF-protected), which then honours the {@link PendingSignOut}; with
 * nothing pending there is nothing to confirm, and the citizen goes home.
 */
@Controller
class SignOutConfirmationController {

    /** Behind sign-in: only a signed-in citizen has anything to confirm. */
    static final String PATH = "/logout/confirm";

    @GetMapping(PATH)
    String confirm(HttpServletRequest request, Model model) {
        PendingSignOut pending = PendingSignOut.peek(request);
        if (pending == null) {
            return "redirect:/";
        }
        model.addAttribute("pendingLogout", pending.id());
        model.addAttribute("pendingLogoutParameter", PendingSignOut.PARAMETER);
        model.addAttribute("clientName", pending.clientName());
        return "logout-confirm";
    }
}
