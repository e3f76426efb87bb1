package id.satupintu.idp.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import id.satupintu.idp.consent.ConnectedApplication;
import id.satupintu.idp.consent.ConsentWithdrawal;
import id.satupintu.idp.saml.sso.SamlConnectedApplications;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * "Connected applications" ({@value #PATH}): the applications a signed-in citizen gave consent to,
 * what each may read in plain words and since when, with a button to withdraw the consent
 * ({@link ConsentWithdrawal}); SAML service providers are listed and withdrawn beside OIDC clients
 * ({@link SamlConnectedApplications}). The form is a POST with the CSRF token of the citizen pages' chain;
 * the page answers with a redirect (post/redirect/get) and a status message.
 */
@Controller
class ConnectedApplicationsController {

    static final String PATH = "/account/applications";

    /** Dates shown in Indonesia's western time zone, where most citizens are. */
    private static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Jakarta");

    private final ConsentWithdrawal withdrawal;
    private final SamlConnectedApplications samlApplications;
    private final MessageSource messages;

    ConnectedApplicationsController(ConsentWithdrawal withdrawal, SamlConnectedApplications samlApplications,
                                    MessageSource messages) {
        this.withdrawal = withdrawal;
        this.samlApplications = samlApplications;
        this.messages = messages;
    }

    /** One application as the page shows it. */
    record ApplicationView(String clientId, String clientName, String agencyName, List<String> permissions,
                           String grantedOn) {
    }

    @GetMapping(PATH)
    String applications(Authentication authentication, HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(DISPLAY_ZONE);
        UUID citizenId = citizen(authentication).getPrincipal().citizenId();
        // OIDC clients and SAML service providers alike, most recent consent first
        List<ApplicationView> applications = Stream.concat(withdrawal.applicationsOf(citizenId).stream(),
                        samlApplications.applicationsOf(citizenId).stream())
                .sorted(Comparator.comparing(ConnectedApplication::grantedAt).reversed())
                .map(application -> view(application, dates, locale)).toList();
        model.addAttribute("applications", applications);
        return "applications";
    }

    @PostMapping(PATH + "/withdraw")
    String withdraw(@RequestParam(name = "client_id") String clientId, Authentication authentication,
                    HttpServletRequest request, RedirectAttributes redirect) {
        UUID citizenId = citizen(authentication).getPrincipal().citizenId();
        boolean withdrawn = SamlConnectedApplications.isSamlConsentKey(clientId)
                ? samlApplications.withdraw(citizenId, clientId, request.getRemoteAddr(), request.getSession(false))
                : withdrawal.withdraw(citizenId, clientId, request.getRemoteAddr());
        redirect.addFlashAttribute("status", withdrawn ? "withdrawn" : "notFound");
        return "redirect:" + PATH;
    }

    private ApplicationView view(ConnectedApplication application, DateTimeFormatter dates, Locale locale) {
        List<String> permissions = application.scopes().stream()
                .map(scope -> messages.getMessage("scope." + scope + ".label", null, scope, locale)).toList();
        String name = application.clientName() == null ? application.clientId() : application.clientName();
        return new ApplicationView(application.clientId(), name, application.agencyName(), permissions,
                dates.format(application.grantedAt()));
    }

    /** The page is behind sign-in (the citizen pages' chain); anything else reaching it is a wiring error. */
    private static CitizenAuthenticationToken citizen(Authentication authentication) {
        if (authentication instanceof CitizenAuthenticationToken citizen) {
            return citizen;
        }
        throw new AccessDeniedException("not a citizen");
    }
}
