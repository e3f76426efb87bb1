package id.satupintu.idp.saml.sso;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.springframework.security.core.Authentication;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.CitizenClaims;
import id.satupintu.idp.citizen.CitizenClaimsSource;
import id.satupintu.idp.citizen.StandardClaims;
import id.satupintu.idp.saml.binding.OutboundEncoder;
import id.satupintu.idp.saml.binding.PostForm;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;
import id.satupintu.idp.session.AuthenticatedCitizen;
import id.satupintu.idp.session.CitizenAuthenticationToken;
import id.satupintu.idp.session.SsoParticipants;

/**
 * Answers a validated AuthnRequest for the citizen of the SSO session, deciding in this order
 * (SAML Core §3.4.1, Profiles §4.1.4):
 * <ol>
 * <li>the NameID policy can be honoured, else {@code InvalidNameIDPolicy};</li>
 * <li>some level of assurance could meet the requested context, else {@code NoAuthnContext};</li>
 * <li>a session exists, else sign-in, or {@code NoPassive} for {@code IsPassive};</li>
 * <li>{@code ForceAuthn}: a sign-in after the request, else sign-in again, or {@code NoPassive};</li>
 * <li>the session's level meets the requested context, else {@code NoAuthnContext};</li>
 * <li>the account is active (one claims read), else {@code RequestDenied};</li>
 * <li>the citizen consented to the SP's attribute groups, else the consent page, or {@code NoPassive};</li>
 * <li>the response: assertion built, signed and encrypted per SP, sent with the POST binding.</li>
 * </ol>
 * Failures go to the trusted ACS as status responses; each is audited ({@code saml.sso.*}), and
 * each issued assertion too ({@value #ISSUED}). The SP joins the session's participants, for Single Logout.
 */
final class SsoResponder {

    static final String ISSUED = "saml.sso.issued";
    static final String ACCOUNT_INACTIVE = "saml.sso.account_inactive";
    static final String CONSENT_DECLINED = "saml.sso.consent_declined";
    static final String NIK_RELEASED = "claims.nik_released";
    static final String SAML_RESPONSE = "SAMLResponse";

    private final ServiceProviderStore serviceProviders;
    private final NameIdPolicyResolver nameIdPolicies = new NameIdPolicyResolver();
    private final NameIdIssuer nameIds;
    private final CitizenClaimsSource claimsSource;
    private final SamlConsents consents;
    private final SamlResponseFactory responses;
    private final ResponseProtection protection;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuerHost;

    SsoResponder(ServiceProviderStore serviceProviders, NameIdIssuer nameIds, CitizenClaimsSource claimsSource,
                 SamlConsents consents, SamlResponseFactory responses, ResponseProtection protection, AuditLog audit,
                 Clock clock, String issuerHost) {
        this.serviceProviders = serviceProviders;
        this.nameIds = nameIds;
        this.claimsSource = claimsSource;
        this.consents = consents;
        this.responses = responses;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
        this.issuerHost = issuerHost;
    }

    SsoOutcome respond(ValidatedAuthnRequest request, Authentication authentication, HttpServletRequest http) {
        ServiceProvider sp = serviceProvider(request);
        AuthenticatedCitizen citizen = authentication instanceof CitizenAuthenticationToken token ? token.getPrincipal() : null;
        UUID citizenId = citizen == null ? null : citizen.citizenId();
        try {
            String format = nameIdPolicies.formatFor(request, sp);
            AuthnContextRequirement context = AuthnContextRequirement.of(request);
            if (!context.satisfiable()) {
                throw raised(SamlStatusFailure.noAuthnContext("no_level_meets_request"));
            }
            if (citizen == null) {
                if (request.passive()) {
                    throw raised(SamlStatusFailure.noPassive("no_session"));
                }
                return new SsoOutcome.SignIn(request.forceAuthn() ? request.reauthenticationRequested(clock.instant()) : request,
                        false);
            }
            if (request.forceAuthn() && !signedInSince(citizen, request.reauthenticationRequestedAt())) {
                if (request.passive()) {
                    throw raised(SamlStatusFailure.noPassive("force_authn_with_is_passive"));
                }
                ValidatedAuthnRequest pending = request.reauthenticationRequestedAt() == null
                        ? request.reauthenticationRequested(clock.instant()) : request;
                return new SsoOutcome.SignIn(pending, true);
            }
            if (!context.satisfiedByAcr(citizen.acr())) {
                throw raised(SamlStatusFailure.noAuthnContext("session_level_too_low"));
            }
            CitizenClaims claims = claimsSource.claimsOf(citizenId)
                    .orElseThrow(() -> raised(SamlStatusFailure.requestDenied(ACCOUNT_INACTIVE, "account_not_active")));
            Set<String> scopes = sp.settings().scopes();
            if (!consents.covers(sp, citizenId, scopes, http.getSession())) {
                if (request.passive()) {
                    throw raised(SamlStatusFailure.noPassive("consent_required"));
                }
                return new SsoOutcome.AskConsent(request, sp.displayName(), orderedScopes(scopes));
            }
            return new SsoOutcome.Answer(issue(request, sp, citizen, claims, format, http));
        } catch (SamlStatusFailure.Raised raised) {
            return new SsoOutcome.Answer(fail(request, sp, raised.failure(), citizenId, http));
        }
    }

    /** The citizen declined consent: {@code RequestDenied} to the SP. */
    PostForm declined(ValidatedAuthnRequest request, UUID citizenId, HttpServletRequest http) {
        return fail(request, serviceProvider(request),
                SamlStatusFailure.requestDenied(CONSENT_DECLINED, "citizen_declined_consent"), citizenId, http);
    }

    /** Records the citizen's consent to the SP's attribute groups. */
    void consented(ValidatedAuthnRequest request, UUID citizenId, HttpServletRequest http) {
        ServiceProvider sp = serviceProvider(request);
        consents.grant(sp, citizenId, sp.settings().scopes(), http.getSession());
    }

    private ServiceProvider serviceProvider(ValidatedAuthnRequest request) {
        // the SP may have been removed while the citizen was signing in
        return serviceProviders.findById(request.spId()).orElseThrow(() -> new SsoRefusal(
                ServiceProviderResolver.UNKNOWN_SP, "removed_during_sign_in", 400, "saml.error.unknownSp",
                request.spEntityId()));
    }

    private static boolean signedInSince(AuthenticatedCitizen citizen, Instant requestedAt) {
        return requestedAt != null && !citizen.authenticatedAt().isBefore(requestedAt);
    }

    private static SamlStatusFailure.Raised raised(SamlStatusFailure failure) {
        return new SamlStatusFailure.Raised(failure);
    }

    private static List<String> orderedScopes(Set<String> scopes) {
        List<String> ordered = new ArrayList<>();
        StandardClaims.CLAIMS_OF_SCOPE.keySet().stream().filter(scopes::contains).forEach(ordered::add);
        scopes.stream().filter(s -> !ordered.contains(s)).sorted().forEach(ordered::add);
        return ordered;
    }

    private PostForm issue(ValidatedAuthnRequest request, ServiceProvider sp, AuthenticatedCitizen citizen,
                           CitizenClaims claims, String format, HttpServletRequest http) {
        Instant now = clock.instant();
        HttpSession session = http.getSession();
        SubjectName subject = nameIds.nameFor(format, sp, citizen.citizenId());
        String sessionIndex = sessionIndex(session, sp);
        Map<String, Object> released = claims.forScopes(sp.settings().scopes());
        List<SamlAttribute> attributes = new ArrayList<>(AttributeMapping.attributesOf(released));
        attributes.add(PairwiseId.of(nameIds.pairwiseSubject(sp, citizen.citizenId()), sp.agencyCode(), issuerHost));
        Assertion assertion = responses.assertion(
                new AssertionContent(subject, citizen.authenticatedAt(), sessionIndex, citizen.acr(), attributes),
                request, now);
        Response response = protection.protect(responses.success(request, now), assertion, sp);
        PostForm form = OutboundEncoder.postForm(request.assertionConsumerService(), response, SAML_RESPONSE,
                request.relayState());
        SsoParticipants.samlJoined(session, new SsoParticipants.SamlParticipant(sp.entityId(), subject.value(),
                subject.format(), subject.nameQualifier(), subject.spNameQualifier(), sessionIndex));
        String ip = http.getRemoteAddr();
        if (released.containsKey("nik") || released.containsKey("family_card_number")) {
            audit.record(AuditEvent.success(NIK_RELEASED, sp.entityId(), citizen.citizenId(), ip, Map.of(
                    "agency", sp.agencyCode(), "nik", claims.maskedNik(), "destination", "saml_assertion")));
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("agency", sp.agencyCode());
        detail.put("name_id_format", format);
        detail.put("acr", citizen.acr());
        detail.put("encrypted", Boolean.toString(ResponseProtection.encrypts(sp)));
        detail.put("unsolicited", Boolean.toString(request.requestId() == null));
        audit.record(AuditEvent.success(ISSUED, sp.entityId(), citizen.citizenId(), ip, detail));
        return form;
    }

    /** SAML Core §2.7.2: one random SessionIndex per SP per SSO session, kept for Single Logout. */
    private static String sessionIndex(HttpSession session, ServiceProvider sp) {
        return SsoParticipants.of(session).saml().stream().filter(p -> p.entityId().equals(sp.entityId()))
                .map(SsoParticipants.SamlParticipant::sessionIndex).findFirst().orElseGet(SamlIds::newId);
    }

    private PostForm fail(ValidatedAuthnRequest request, ServiceProvider sp, SamlStatusFailure failure, UUID citizenId,
                          HttpServletRequest http) {
        audit.record(AuditEvent.failure(failure.auditType(), sp.entityId(), citizenId, http.getRemoteAddr(), Map.of(
                "reason", failure.reason(), "status", failure.secondLevel())));
        Response response = protection.protectFailure(responses.failure(request, failure, clock.instant()), sp);
        return OutboundEncoder.postForm(request.assertionConsumerService(), response, SAML_RESPONSE, request.relayState());
    }
}
