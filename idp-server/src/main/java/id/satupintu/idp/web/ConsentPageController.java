package id.satupintu.idp.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;

import id.satupintu.idp.citizen.Citizen;
import id.satupintu.idp.citizen.CitizenStore;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * The consent page the authorization server redirects to ({@code consentPage("/consent")}): names the
 * application and each requested scope in plain words. The form posts the decision back to the
 * authorization endpoint, which Spring's consent provider handles: approving posts the ticked
 * {@code scope} values; denying posts none, which the provider answers with {@code access_denied}.
 */
@Controller
class ConsentPageController {

    static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

    private final ObjectProvider<RegisteredClientRepository> clients;
    private final CitizenStore citizens;
    private final MessageSource messages;
    private final AuthorizationRequestLocales requestLocales;
    private final PendingConsentClaims pendingClaims;

    ConsentPageController(ObjectProvider<RegisteredClientRepository> clients, CitizenStore citizens,
                          MessageSource messages, AuthorizationRequestLocales requestLocales,
                          PendingConsentClaims pendingClaims) {
        this.clients = clients;
        this.citizens = citizens;
        this.messages = messages;
        this.requestLocales = requestLocales;
        this.pendingClaims = pendingClaims;
    }

    /** One requested scope as the page shows it; {@code openid} is required and cannot be unticked. */
    record ScopeChoice(String value, String label, String description, boolean required) {
    }

    @GetMapping("/consent")
    String consent(@RequestParam(name = "client_id") String clientId, @RequestParam(name = "scope") String scope,
                   @RequestParam(name = "state") String state, Authentication authentication,
                   HttpServletRequest request, Model model) {
        // the application's ui_locales apply here too, unless the citizen chose a language
        requestLocales.uiLocalesOf(state).ifPresent(uiLocales -> CitizenLocaleResolver.applyUiLocales(request, uiLocales));
        Locale locale = RequestContextUtils.getLocale(request);
        RegisteredClientRepository repository = clients.getIfAvailable();
        RegisteredClient client = repository == null ? null : repository.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown client");
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("scopes", choices(scope, locale));
        model.addAttribute("verifiedClaims", pendingClaims.asksForVerifiedClaims(state));
        model.addAttribute("authorizationEndpoint", AUTHORIZATION_ENDPOINT);
        if (authentication instanceof CitizenAuthenticationToken citizen) {
            citizens.findById(citizen.getPrincipal().citizenId()).map(Citizen::displayName)
                    .ifPresent(name -> model.addAttribute("citizenName", name));
        }
        return "consent";
    }

    private List<ScopeChoice> choices(String scope, Locale locale) {
        Set<String> requested = new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
        List<ScopeChoice> choices = new ArrayList<>();
        for (String value : requested) {
            if (value.isEmpty()) {
                continue;
            }
            // scopes without a translation (an agency's own) are shown by name
            String label = messages.getMessage("scope." + value + ".label", null, value, locale);
            String description = messages.getMessage("scope." + value + ".description", null, "", locale);
            choices.add(new ScopeChoice(value, label, description, OidcScopes.OPENID.equals(value)));
        }
        return choices;
    }
}
