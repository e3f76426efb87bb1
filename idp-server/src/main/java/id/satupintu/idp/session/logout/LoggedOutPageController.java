package id.satupintu.idp.session.logout;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a sign-out ends on when no application asked to have the citizen back. */
@Controller
class LoggedOutPageController {

    /** Public: nobody is signed in any more when it is shown. */
    static final String PATH = "/logged-out";

    @GetMapping(PATH)
    String loggedOut(@RequestParam(name = "partial", required = false) String partial, Model model) {
        if (partial != null) {
            model.addAttribute("partial", true);
        }
        return "logged-out";
    }
}
