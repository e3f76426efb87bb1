package id.satupintu.idp.saml.slo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.StatusCode;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.OutboundEncoder;
import id.satupintu.idp.saml.binding.RedirectSignedQuery;
import id.satupintu.idp.saml.slo.LogoutProgress.AnswerInitiator;
import id.satupintu.idp.saml.slo.LogoutProgress.Outstanding;
import id.satupintu.idp.saml.slo.LogoutProgress.RedirectTo;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;
import id.satupintu.idp.saml.xml.XmlSigner;
import id.satupintu.idp.session.SsoParticipants;
import id.satupintu.idp.session.SsoParticipants.OidcParticipant;
import id.satupintu.idp.session.SsoParticipants.SamlParticipant;
import id.satupintu.idp.session.logout.EndedSession;
import id.satupintu.idp.session.logout.LogoutInitiator;
import id.satupintu.idp.session.logout.SignOutHandlers;
import id.satupintu.idp.session.logout.SsoLogout;

/**
 * The IdP side of the Single Logout profile (SAML Profiles §4.4): answers a service provider's
 * LogoutRequest, then logs the browser out of the session's other SPs one after another
 * (§4.4.3.3), each through the binding its metadata offers (HTTP-Redirect preferred, HTTP-POST
 * otherwise), and ends with the signed LogoutResponse to the SP that asked (§4.4.3.4), after the OIDC
 * front-channel logout frames of the ended session when there are any, or the URL
 * the OIDC or SatuPintu sign-out gave. An SP that answers with an error, answers something else, or
 * whose endpoint is gone, does not stop the chain: it makes the outcome {@code PartialLogout}.
 */
final class SloChain {

    private final SloEndpoints endpoints;
    private final ServiceProviderStore serviceProviders;
    private final LogoutRequestChecks checks;
    private final XmlSignatureVerifier verifier;
    private final XmlSigner signer;
    private final SsoLogout ssoLogout;
    private final AuditLog audit;
    private final Clock clock;

    SloChain(SloEndpoints endpoints, ServiceProviderStore serviceProviders, LogoutRequestChecks checks,
             XmlSignatureVerifier verifier, XmlSigner signer, SsoLogout ssoLogout, AuditLog audit, Clock clock) {
        this.endpoints = endpoints;
        this.serviceProviders = serviceProviders;
        this.checks = checks;
        this.verifier = verifier;
        this.signer = signer;
        this.ssoLogout = ssoLogout;
        this.audit = audit;
        this.clock = clock;
    }

    /** A message received at the SLO service: a LogoutRequest from an SP, or an SP's LogoutResponse to ours. */
    SloStep receive(HttpServletRequest request, HttpServletResponse response, InboundMessage inbound) {
        if (inbound.message() instanceof LogoutRequest logoutRequest) {
            return onLogoutRequest(request, response, inbound, logoutRequest);
        }
        if (inbound.message() instanceof LogoutResponse logoutResponse) {
            return onLogoutResponse(request, inbound, logoutResponse);
        }
        refused(request, "saml.slo.unexpected_message", inbound.issuer(), "neither LogoutRequest nor LogoutResponse");
        return new SloStep.ErrorPage(400);
    }

    /** Starts a chain for a session already ended elsewhere (OIDC or SatuPintu sign-out). */
    boolean start(HttpServletRequest request, java.util.UUID citizenId, List<SamlParticipant> participants,
                  String finalUrl) {
        if (participants.stream().noneMatch(p -> serviceProviders.findByEntityId(p.entityId())
                .flatMap(SloChain::sloEndpoint).isPresent())) {
            return false;
        }
        new LogoutProgress(citizenId, participants, null, false, new RedirectTo(finalUrl)).save(request);
        return true;
    }

    /**
     * The browser is back without an answer to the outstanding request (or arrives for the first time
     * after {@link #start}): the outstanding SP, if any, counts as not logged out, the chain goes on.
     */
    SloStep next(HttpServletRequest request) {
        LogoutProgress progress = LogoutProgress.load(request);
        if (progress == null) {
            return new SloStep.Redirect(request.getContextPath() + SignOutHandlers.LOGGED_OUT_PAGE);
        }
        if (progress.outstanding() != null) {
            refused(request, "saml.slo.no_answer", progress.outstanding().entityId(), "no LogoutResponse came back");
            progress = progress.answered(true);
        }
        return advance(request, progress);
    }

    private SloStep onLogoutRequest(HttpServletRequest request, HttpServletResponse response, InboundMessage inbound,
                                    LogoutRequest logoutRequest) {
        String issuer = inbound.issuer();
        Optional<ServiceProvider> found = issuer == null ? Optional.empty() : serviceProviders.findByEntityId(issuer);
        if (found.isEmpty()) {
            refused(request, "saml.slo.unknown_sp", issuer, "LogoutRequest from an unregistered SP");
            return new SloStep.ErrorPage(400);
        }
        ServiceProvider sp = found.get();
        if (sloEndpoint(sp).isEmpty()) {
            refused(request, "saml.slo.no_slo_endpoint", issuer, "the SP's metadata lists no SLO endpoint");
            return new SloStep.ErrorPage(400);
        }
        NameID nameId;
        try {
            nameId = checks.check(inbound, logoutRequest, sp);
        } catch (SloRefusal refusal) {
            refused(request, refusal.auditType(), issuer, refusal.reason());
            return answer(sp, logoutRequest.getID(), inbound.relayState(), StatusCode.REQUESTER,
                    refusal.secondLevelStatus());
        }
        HttpSession session = request.getSession(false);
        List<SamlParticipant> participants = session == null ? List.of() : SsoParticipants.of(session).saml();
        if (ParticipantMatch.find(participants, issuer, nameId, logoutRequest).isEmpty()) {
            SloRefusal refusal = SloRefusal.unknownPrincipal("NameID or SessionIndex not of this session");
            refused(request, refusal.auditType(), issuer, refusal.reason());
            return answer(sp, logoutRequest.getID(), inbound.relayState(), StatusCode.REQUESTER,
                    refusal.secondLevelStatus());
        }
        EndedSession ended = ssoLogout.end(request, response, LogoutInitiator.samlServiceProvider(issuer));
        return advance(request, new LogoutProgress(ended.citizenId(), ended.samlParticipants(), null, false,
                new AnswerInitiator(issuer, logoutRequest.getID(), inbound.relayState(), ended.oidcParticipants())));
    }

    private SloStep onLogoutResponse(HttpServletRequest request, InboundMessage inbound, LogoutResponse logoutResponse) {
        LogoutProgress progress = LogoutProgress.load(request);
        if (progress == null || progress.outstanding() == null) {
            refused(request, "saml.slo.unexpected_response", inbound.issuer(), "no logout waits for this response");
            return new SloStep.ErrorPage(400);
        }
        Outstanding outstanding = progress.outstanding();
        String problem = responseProblem(inbound, logoutResponse, outstanding);
        if (problem != null) {
            refused(request, "saml.slo." + problem, outstanding.entityId(), "LogoutResponse not accepted");
        }
        return advance(request, progress.answered(problem != null));
    }

    /** @return the audit suffix of what is wrong with a participant's LogoutResponse, or null when it confirms */
    private String responseProblem(InboundMessage inbound, LogoutResponse logoutResponse, Outstanding outstanding) {
        if (!outstanding.entityId().equals(inbound.issuer())
                || !outstanding.requestId().equals(logoutResponse.getInResponseTo())) {
            return "response_mismatch";
        }
        if (logoutResponse.getDestination() != null && !endpoints.sloUrl().equals(logoutResponse.getDestination())) {
            return "response_wrong_destination";
        }
        Optional<ServiceProvider> sp = serviceProviders.findByEntityId(outstanding.entityId());
        if (sp.isPresent() && !sp.get().signingCertificates().isEmpty()) {
            try {
                RedirectSignedQuery query = inbound.redirectSignature();
                if (query != null) {
                    verifier.verifyRedirect(query.signedOctets(), query.sigAlg(), query.signature(),
                            sp.get().signingCertificates());
                } else if (logoutResponse.isSigned()) {
                    verifier.verifyEnveloped(logoutResponse, sp.get().signingCertificates());
                } else {
                    return "unsigned_response";
                }
            } catch (SignatureRejectedException e) {
                return "bad_response_signature";
            }
        }
        if (logoutResponse.getStatus() == null || logoutResponse.getStatus().getStatusCode() == null
                || !StatusCode.SUCCESS.equals(logoutResponse.getStatus().getStatusCode().getValue())) {
            return "participant_failed";
        }
        return null;
    }

    /** Sends the next LogoutRequest, or finishes when every participant was asked. */
    private SloStep advance(HttpServletRequest request, LogoutProgress progress) {
        List<SamlParticipant> remaining = progress.remainingCopy();
        LogoutProgress current = progress;
        while (!remaining.isEmpty()) {
            SamlParticipant participant = remaining.remove(0);
            Optional<ServiceProvider> sp = serviceProviders.findByEntityId(participant.entityId());
            Optional<ServiceProvider.Endpoint> endpoint = sp.flatMap(SloChain::sloEndpoint);
            if (endpoint.isEmpty()) {
                refused(request, "saml.slo.participant_unreachable", participant.entityId(), "no SLO endpoint");
                current = current.withFailure();
                continue;
            }
            Instant now = clock.instant();
            LogoutRequest logoutRequest = SloMessages.logoutRequest(endpoints.entityId(), endpoint.get().location(),
                    participant, now);
            current.waitingFor(new Outstanding(participant.entityId(), logoutRequest.getID(), now), remaining)
                    .save(request);
            return send(logoutRequest, endpoint.get(), endpoint.get().location(), "SAMLRequest", null);
        }
        LogoutProgress.clear(request);
        return finish(request, current);
    }

    private SloStep finish(HttpServletRequest request, LogoutProgress progress) {
        if (progress.completion() instanceof AnswerInitiator initiator) {
            Optional<ServiceProvider> sp = serviceProviders.findByEntityId(initiator.entityId());
            if (sp.isEmpty() || sloEndpoint(sp.get()).isEmpty()) {
                return new SloStep.Redirect(ssoLogout.framesPageThen(request, progress.citizenId(),
                        initiator.oidcParticipants(), loggedOutPage(request, true)));
            }
            audit.record(AuditEvent.success("saml.slo.completed", initiator.entityId(), progress.citizenId(),
                    request.getRemoteAddr(), Map.of("partial", String.valueOf(progress.partial()))));
            return throughFrames(request, progress.citizenId(), initiator.oidcParticipants(),
                    answer(sp.get(), initiator.inResponseTo(), initiator.relayState(), StatusCode.SUCCESS,
                            progress.partial() ? StatusCode.PARTIAL_LOGOUT : null));
        }
        String url = ((RedirectTo) progress.completion()).url();
        if (progress.partial() && url.endsWith(SignOutHandlers.LOGGED_OUT_PAGE)) {
            url = url + "?partial";
        }
        return new SloStep.Redirect(url);
    }

    /**
     * The initiator's answer, delivered after the OIDC front-channel logout frames of the ended session
     * when there are any (OIDC Front-Channel Logout 1.0 §3): the browser goes to the signed-out page,
     * which continues to the answer. An HTTP-Redirect answer is itself the continuation (a URL built
     * here from the SP's metadata); an HTTP-POST one waits in the session for {@value SloEndpoints#RESPONSE}.
     * Without frames, or when nothing can be sent (error page), the answer goes as it is.
     */
    private SloStep throughFrames(HttpServletRequest request, java.util.UUID citizenId,
                                  List<OidcParticipant> oidcParticipants, SloStep answer) {
        if (oidcParticipants.isEmpty()) {
            return answer;
        }
        if (answer instanceof SloStep.Redirect redirect) {
            return new SloStep.Redirect(ssoLogout.framesPageThen(request, citizenId, oidcParticipants, redirect.url()));
        }
        if (answer instanceof SloStep.Post post) {
            String continuation = request.getContextPath() + SloEndpoints.RESPONSE;
            String next = ssoLogout.framesPageThen(request, citizenId, oidcParticipants, continuation);
            if (next.equals(continuation)) {
                return answer;
            }
            PendingLogoutResponse.of(post.form()).save(request);
            return new SloStep.Redirect(next);
        }
        return answer;
    }

    /**
     * The HTTP-POST LogoutResponse kept by {@link #throughFrames}, once: the signed-out page's
     * continuation. Nothing waiting (already delivered, or expired): the signed-out page.
     */
    SloStep pendingResponse(HttpServletRequest request) {
        PendingLogoutResponse pending = PendingLogoutResponse.take(request);
        if (pending == null) {
            return new SloStep.Redirect(loggedOutPage(request, false));
        }
        return new SloStep.Post(pending.form());
    }

    /** A signed LogoutResponse to the SP's SLO endpoint from metadata (its ResponseLocation when given). */
    private SloStep answer(ServiceProvider sp, String inResponseTo, String relayState, String topLevel,
                           String secondLevel) {
        ServiceProvider.Endpoint endpoint = sloEndpoint(sp).orElseThrow();
        LogoutResponse logoutResponse = SloMessages.logoutResponse(endpoints.entityId(), endpoint.responseDestination(),
                inResponseTo, topLevel, secondLevel, clock.instant());
        return send(logoutResponse, endpoint, endpoint.responseDestination(), "SAMLResponse", relayState);
    }

    /**
     * Signs and encodes a message for the SP's endpoint. Without an ACTIVE SAML signing key on this
     * node (HSM unreachable, keys not generated yet) nothing trustworthy can be sent: the browser gets
     * the error page with 503, audited, rather than a server error or an unsigned message.
     */
    private SloStep send(SignableSAMLObject message, ServiceProvider.Endpoint endpoint, String destination,
                         String parameterName, String relayState) {
        try {
            if (endpoint.binding() == SamlBinding.REDIRECT) {
                return new SloStep.Redirect(OutboundEncoder.redirectUrl(destination, message, parameterName, relayState,
                        signer));
            }
            signer.sign(message);
            return new SloStep.Post(OutboundEncoder.postForm(destination, message, parameterName, relayState));
        } catch (IllegalStateException noSigningKey) {
            audit.record(AuditEvent.failure("saml.slo.signing_unavailable", null, null, null,
                    Map.of("reason", String.valueOf(noSigningKey.getMessage()))));
            return new SloStep.ErrorPage(503);
        }
    }

    /** SLO endpoint from metadata, HTTP-Redirect preferred (no page of our own in between), else HTTP-POST. */
    static Optional<ServiceProvider.Endpoint> sloEndpoint(ServiceProvider sp) {
        return sp.singleLogoutService(SamlBinding.REDIRECT).or(() -> sp.singleLogoutService(SamlBinding.POST));
    }

    private static String loggedOutPage(HttpServletRequest request, boolean partial) {
        return request.getContextPath() + SignOutHandlers.LOGGED_OUT_PAGE + (partial ? "?partial" : "");
    }

    private void refused(HttpServletRequest request, String type, String entityId, String reason) {
        audit.record(AuditEvent.failure(type, entityId, null, request.getRemoteAddr(), Map.of("reason", reason)));
    }
}
