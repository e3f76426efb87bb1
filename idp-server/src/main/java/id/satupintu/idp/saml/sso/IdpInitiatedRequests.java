package id.satupintu.idp.saml.sso;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;

/**
 * IdP-initiated SSO (SAML Profiles §4.1.5, an unsolicited response): only for a registered SP whose
 * administrator allowed it ({@link ServiceProvider.Settings#idpInitiatedAllowed()}, off by default),
 * to the SP's default HTTP-POST ACS from metadata, with a {@code RelayState} of at most 80 bytes
 * returned verbatim. Anything else is an error page (404 for an unknown SP), audited as {@value #REFUSED}.
 */
final class IdpInitiatedRequests {

    static final String REFUSED = "saml.sso.idp_initiated_refused";

    private final ServiceProviderStore serviceProviders;
    private final RelayStateCheck relayStates = new RelayStateCheck();

    IdpInitiatedRequests(ServiceProviderStore serviceProviders) {
        this.serviceProviders = serviceProviders;
    }

    ValidatedAuthnRequest request(String entityId, String relayState) {
        ServiceProvider sp = entityId == null ? null : serviceProviders.findByEntityId(entityId.strip()).orElse(null);
        if (sp == null) {
            throw new SsoRefusal(REFUSED, "unknown_sp", 404, "saml.error.unknownSp", entityId);
        }
        if (!sp.settings().idpInitiatedAllowed()) {
            throw new SsoRefusal(REFUSED, "not_allowed_for_sp", 400, "saml.error.idpInitiated", sp.entityId());
        }
        relayStates.check(relayState, sp.entityId());
        ServiceProvider.Endpoint acs = sp.defaultAssertionConsumerService().orElseThrow(() -> SsoRefusal.badRequest(
                AssertionConsumerServiceResolver.ACS_SUBSTITUTION, "no_post_acs_in_metadata", sp.entityId()));
        return ValidatedAuthnRequest.unsolicited(sp.id(), sp.entityId(), acs.location(), relayState);
    }
}
