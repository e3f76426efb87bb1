package id.satupintu.idp.saml.sso;

import java.time.Instant;
import java.util.List;

import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;

import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProvider.Endpoint;

/**
 * Runs the checks that decide whether an AuthnRequest may be answered at all, in the order that
 * keeps each meaningful: the issuer first (whose metadata the rest needs), the signature before
 * anything from the message is believed, then version, issue instant, destination, the one-time
 * ID, the assertion consumer service and the relay state (SAML Profiles §4.1.4.1). Any refusal is
 * an {@link SsoRefusal}: an error page, never a redirect.
 */
final class AuthnRequestValidator {

    static final String MALFORMED = "saml.sso.malformed";

    private final ServiceProviderResolver serviceProviders;
    private final RequestSignatureCheck signatures;
    private final ProtocolVersionCheck version = new ProtocolVersionCheck();
    private final IssueInstantCheck issueInstants;
    private final DestinationCheck destinations;
    private final RequestReplayCheck replays;
    private final AssertionConsumerServiceResolver assertionConsumerServices = new AssertionConsumerServiceResolver();
    private final RelayStateCheck relayStates = new RelayStateCheck();

    AuthnRequestValidator(ServiceProviderResolver serviceProviders, RequestSignatureCheck signatures,
                          IssueInstantCheck issueInstants, DestinationCheck destinations, RequestReplayCheck replays) {
        this.serviceProviders = serviceProviders;
        this.signatures = signatures;
        this.issueInstants = issueInstants;
        this.destinations = destinations;
        this.replays = replays;
    }

    ValidatedAuthnRequest validate(InboundMessage inbound) {
        if (!(inbound.message() instanceof AuthnRequest request)) {
            throw SsoRefusal.badRequest(MALFORMED, "not_an_authn_request", null);
        }
        ServiceProvider sp = serviceProviders.resolve(inbound.issuer());
        boolean signed = signatures.check(inbound, sp);
        version.check(request, sp.entityId());
        Instant issued = issueInstants.check(request, sp.entityId());
        destinations.check(request, signed, sp.entityId());
        replays.check(request, issued, sp.entityId());
        Endpoint acs = assertionConsumerServices.resolve(request, sp);
        relayStates.check(inbound.relayState(), sp.entityId());

        NameIDPolicy policy = request.getNameIDPolicy();
        RequestedAuthnContext context = request.getRequestedAuthnContext();
        List<String> classRefs = context == null ? List.of() : context.getAuthnContextClassRefs().stream()
                .map(AuthnContextClassRef::getAuthnContextClassRef).filter(ref -> ref != null).map(String::strip).toList();
        String comparison = context == null ? null
                : context.getComparison() == null ? "exact" : context.getComparison().toString();
        return new ValidatedAuthnRequest(sp.id(), sp.entityId(), request.getID(), acs.location(), inbound.relayState(),
                policy == null ? null : policy.getFormat(), policy == null ? null : policy.getSPNameQualifier(),
                comparison, classRefs, Boolean.TRUE.equals(request.isForceAuthn()),
                Boolean.TRUE.equals(request.isPassive()), null);
    }
}
