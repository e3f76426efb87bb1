package id.satupintu.idp.saml.slo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.saml.SamlPaths;
import id.satupintu.idp.saml.binding.InboundDecoder;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.binding.PostedMessages;
import id.satupintu.idp.saml.binding.SamlBindingException;
import id.satupintu.idp.saml.xml.XmlRejectedException;

/**
 * The Single Logout service (SAML Profiles §4.4) at {@value SamlPaths#SLO}: LogoutRequests and
 * LogoutResponses over HTTP-Redirect (GET) and HTTP-POST.
 *
 * <p>A POSTed message comes cross-site, so without the SameSite=Lax session cookie: it is parked
 * ({@link PostedMessages}) and the browser sent with 303 to a same-site GET of this service, which
 * carries the cookie and claims it. A message that cannot be decoded gets the readable error page,
 * never a redirect: its sender is not known yet.
 */
@org.springframework.stereotype.Controller
class SingleLogoutController {

    static final String ERROR_VIEW = "saml/slo-error";

    private final SloChain chain;
    private final PostedMessages postedMessages;
    private final AuditLog audit;

    SingleLogoutController(SloChain chain, PostedMessages postedMessages, AuditLog audit) {
        this.chain = chain;
        this.postedMessages = postedMessages;
        this.audit = audit;
    }

    @GetMapping(SamlPaths.SLO)
    ModelAndView receive(HttpServletRequest request, HttpServletResponse response) throws Exception {
        InboundMessage inbound;
        try {
            String posted = request.getParameter(SloEndpoints.POSTED);
            inbound = posted != null
                    ? postedMessages.claim(posted).orElseThrow(() -> new SamlBindingException("posted message unknown or expired"))
                    : InboundDecoder.decode(request);
        } catch (SamlBindingException | XmlRejectedException e) {
            return malformed(request, response, e.getMessage());
        }
        return render(response, chain.receive(request, response, inbound));
    }

    @PostMapping(SamlPaths.SLO)
    ModelAndView park(HttpServletRequest request, HttpServletResponse response) {
        InboundMessage inbound;
        try {
            inbound = InboundDecoder.decode(request);
        } catch (SamlBindingException | XmlRejectedException e) {
            return malformed(request, response, e.getMessage());
        }
        String handle = postedMessages.park(inbound);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", request.getContextPath() + SamlPaths.SLO + "?" + SloEndpoints.POSTED + "="
                + URLEncoder.encode(handle, StandardCharsets.UTF_8));
        return null;
    }

    @GetMapping(SloEndpoints.CONTINUE)
    ModelAndView next(HttpServletRequest request, HttpServletResponse response) throws Exception {
        return render(response, chain.next(request));
    }

    /** The HTTP-POST LogoutResponse to the initiating SP, after the front-channel logout frames (same-site GET). */
    @GetMapping(SloEndpoints.RESPONSE)
    ModelAndView pendingResponse(HttpServletRequest request, HttpServletResponse response) throws Exception {
        return render(response, chain.pendingResponse(request));
    }

    private ModelAndView malformed(HttpServletRequest request, HttpServletResponse response, String reason) {
        audit.record(AuditEvent.failure("saml.slo.malformed", null, null, request.getRemoteAddr(),
                Map.of("reason", String.valueOf(reason))));
        return errorPage(response, 400);
    }

    private static ModelAndView render(HttpServletResponse response, SloStep step) throws Exception {
        if (step instanceof SloStep.Redirect redirect) {
            response.sendRedirect(redirect.url());
            return null;
        }
        if (step instanceof SloStep.Post post) {
            return new ModelAndView(PostForm.VIEW, "form", post.form());
        }
        return errorPage(response, ((SloStep.ErrorPage) step).status());
    }

    private static ModelAndView errorPage(HttpServletResponse response, int status) {
        ModelAndView page = new ModelAndView(ERROR_VIEW);
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        response.setStatus(status);
        return page;
    }
}
