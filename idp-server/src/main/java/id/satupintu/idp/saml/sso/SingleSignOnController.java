package id.satupintu.idp.saml.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.login.CitizenLoginConfigurer;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.binding.InboundDecoder;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.binding.PostedMessages;
import id.satupintu.idp.saml.binding.SamlBindingException;
import id.satupintu.idp.saml.xml.XmlRejectedException;
import id.satupintu.idp.session.CitizenAuthenticationToken;

/**
 * The SAML Single Sign-On service (SAML Profiles §4.1) and IdP-initiated SSO (§4.1.5):
 * <ul>
 * <li>{@code GET} {@value SamlPaths#SSO}: an AuthnRequest over HTTP-Redirect (Bindings §3.4);</li>
 * <li>{@code POST} {@value SamlPaths#SSO}: over HTTP-POST (Bindings §3.5). The SameSite=Lax session
 *     cookie does not come with a cross-site POST, so the message is parked
 *     ({@link PostedMessages}) and the browser sent with 303 to {@link SsoPaths#POSTED}, a same-site
 *     GET that carries the cookie;</li>
 * <li>{@link SsoPaths#CONTINUE}: the request kept while the citizen signed in, answered after;</li>
 * <li>{@link SsoPaths#CONSENT}: the citizen's consent decision;</li>
 * <li>{@value SamlPaths#IDP_INITIATED}{@code ?sp=<entityID>&RelayState=}: an unsolicited response,
 *     only for SPs an administrator allowed it.</li>
 * </ul>
 * Requests are validated by {@link AuthnRequestValidator} (refusals: an error page, never a
 * redirect) and answered by {@link SsoResponder}.
 */
@Controller
class SingleSignOnController {

    static final String ERROR_VIEW = "saml/error";
    static final String CONSENT_VIEW = "saml/consent";
    static final String MALFORMED = AuthnRequestValidator.MALFORMED;
    static final String POSTED_UNKNOWN = "saml.sso.posted_unknown";
    static final String CONTINUATION_UNKNOWN = "saml.sso.continuation_unknown";
    static final String IDP_INITIATED_REFUSED = IdpInitiatedRequests.REFUSED;

    private final AuthnRequestValidator validator;
    private final IdpInitiatedRequests idpInitiated;
    private final SsoResponder responder;
    private final PostedMessages postedMessages;
    private final AuditLog audit;
    private final MessageSource messages;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    SingleSignOnController(AuthnRequestValidator validator, IdpInitiatedRequests idpInitiated, SsoResponder responder,
                           PostedMessages postedMessages, AuditLog audit, MessageSource messages) {
        this.validator = validator;
        this.idpInitiated = idpInitiated;
        this.responder = responder;
        this.postedMessages = postedMessages;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping(SamlPaths.SSO)
    ModelAndView redirectBinding(HttpServletRequest request, HttpServletResponse response) {
        return answer(validator.validate(decode(request)), null, request, response);
    }

    @PostMapping(SamlPaths.SSO)
    ModelAndView postBinding(HttpServletRequest request) {
        String handle = postedMessages.park(decode(request));
        return seeOther(SsoPaths.POSTED + "?handle=" + URLEncoder.encode(handle, StandardCharsets.UTF_8));
    }

    @GetMapping(SsoPaths.POSTED)
    ModelAndView posted(@RequestParam(name = "handle", required = false) String handle, HttpServletRequest request,
                        HttpServletResponse response) {
        InboundMessage inbound = handle == null ? null : postedMessages.claim(handle).orElse(null);
        if (inbound == null) {
            throw new SsoRefusal(POSTED_UNKNOWN, "unknown_or_used_handle", 400, "saml.error.expired", null);
        }
        return answer(validator.validate(inbound), null, request, response);
    }

    @GetMapping(SsoPaths.CONTINUE)
    ModelAndView continueAfterSignIn(@RequestParam(name = "key", required = false) String key,
                                     HttpServletRequest request, HttpServletResponse response) {
        return answer(pending(request, key), key, request, response);
    }

    @PostMapping(SsoPaths.CONSENT)
    ModelAndView consent(@RequestParam(name = "key", required = false) String key,
                         @RequestParam(name = "decision", required = false) String decision,
                         HttpServletRequest request, HttpServletResponse response) {
        ValidatedAuthnRequest pending = pending(request, key);
        UUID citizenId = currentCitizen();
        if (citizenId == null) {
            throw new SsoRefusal(CONTINUATION_UNKNOWN, "not_signed_in", 400, "saml.error.expired", pending.spEntityId());
        }
        if (!"approve".equals(decision)) {
            PendingSsoRequests.remove(request.getSession(), key);
            return postForm(responder.declined(pending, citizenId, request));
        }
        responder.consented(pending, citizenId, request);
        return answer(pending, key, request, response);
    }

    @GetMapping(SamlPaths.IDP_INITIATED)
    ModelAndView idpInitiated(@RequestParam(name = "sp", required = false) String entityId,
                              @RequestParam(name = "RelayState", required = false) String relayState,
                              HttpServletRequest request, HttpServletResponse response) {
        return answer(idpInitiated.request(entityId, relayState), null, request, response);
    }

    private ModelAndView answer(ValidatedAuthnRequest validated, String key, HttpServletRequest request,
                                HttpServletResponse response) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        SsoOutcome outcome = responder.respond(validated, authentication, request);
        if (outcome instanceof SsoOutcome.Answer answer) {
            if (key != null) {
                PendingSsoRequests.remove(request.getSession(), key);
            }
            return postForm(answer.form());
        }
        if (outcome instanceof SsoOutcome.SignIn signIn) {
            HttpSession session = request.getSession();
            if (key == null) {
                // through the continuation, whose security rule sends a citizen without session to sign in
                return seeOther(SsoPaths.CONTINUE + "?key=" + PendingSsoRequests.keep(session, signIn.pending()));
            }
            PendingSsoRequests.replace(session, key, signIn.pending());
            // ForceAuthn with a session: sign in again, then come back to this continuation
            requestCache.saveRequest(request, response);
            return seeOther(CitizenLoginConfigurer.LOGIN_PAGE);
        }
        SsoOutcome.AskConsent ask = (SsoOutcome.AskConsent) outcome;
        String consentKey = key != null ? key : PendingSsoRequests.keep(request.getSession(), ask.pending());
        return consentPage(ask, consentKey, request);
    }

    private ModelAndView consentPage(SsoOutcome.AskConsent ask, String key, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        List<Map<String, String>> scopes = ask.scopes().stream().map(scope -> Map.of(
                "value", scope,
                "label", messages.getMessage("scope." + scope + ".label", null, scope, locale),
                "description", messages.getMessage("scope." + scope + ".description", null, "", locale))).toList();
        ModelAndView page = new ModelAndView(CONSENT_VIEW);
        page.addObject("spName", ask.spName());
        page.addObject("scopes", scopes);
        page.addObject("key", key);
        page.addObject("consentPath", SsoPaths.CONSENT);
        return page;
    }

    private ValidatedAuthnRequest pending(HttpServletRequest request, String key) {
        return PendingSsoRequests.find(request.getSession(false), key).orElseThrow(() ->
                new SsoRefusal(CONTINUATION_UNKNOWN, "unknown_or_answered_key", 400, "saml.error.expired", null));
    }

    private static InboundMessage decode(HttpServletRequest request) {
        try {
            return InboundDecoder.decode(request);
        } catch (SamlBindingException e) {
            String reason = e.reason() == null ? "binding" : e.reason();
            String type = reason.contains("RelayState") ? RelayStateCheck.RELAY_STATE : MALFORMED;
            throw SsoRefusal.badRequest(type, reason, null);
        } catch (XmlRejectedException e) {
            throw SsoRefusal.badRequest(MALFORMED, e.getMessage(), null);
        }
    }

    private static ModelAndView postForm(PostForm form) {
        return new ModelAndView(PostForm.VIEW, Map.of("form", form));
    }

    private static ModelAndView seeOther(String location) {
        RedirectView redirect = new RedirectView(location, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    private static UUID currentCitizen() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CitizenAuthenticationToken token
                ? token.getPrincipal().citizenId() : null;
    }

    /** Every refusal is audited and shown as a readable page in the citizen's language; nothing is redirected. */
    @ExceptionHandler(SsoRefusal.class)
    ModelAndView refused(SsoRefusal refusal, HttpServletRequest request) {
        audit.record(AuditEvent.failure(refusal.auditType(), refusal.spEntityId(), currentCitizen(),
                request.getRemoteAddr(), Map.of("reason", refusal.reason())));
        ModelAndView page = new ModelAndView(ERROR_VIEW, HttpStatus.valueOf(refusal.status()));
        page.addObject("messageKey", refusal.messageKey());
        page.addObject("status", refusal.status());
        return page;
    }
}
