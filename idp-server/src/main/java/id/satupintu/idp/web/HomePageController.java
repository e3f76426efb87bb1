package id.satupintu.idp.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * The landing page: who is signed in, with a sign-out button; otherwise a link to sign in.
 * Citizens land here after signing in directly rather than on the way to an application.
 */
@Controller
class HomePageController {

    private final CitizenStore citizens;

    HomePageController(CitizenStore citizens) {
        this.citizens = citizens;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        if (authentication instanceof CitizenAuthenticationToken citizen) {
            citizens.findById(citizen.getPrincipal().citizenId())
                    .map(Citizen::displayName)
                    .ifPresent(name -> model.addAttribute("citizenName", name));
        }
        return "home";
    }
}
