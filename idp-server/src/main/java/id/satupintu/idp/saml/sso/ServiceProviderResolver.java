package id.satupintu.idp.saml.sso;

import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProviderStore;

/**
 * The AuthnRequest's {@code Issuer} must name a registered service provider (SAML Profiles
 * §4.1.4.1: the issuer identifies the requester, whose metadata decides everything after). An
 * unknown or missing issuer gets an error page: with no metadata there is no trusted place to answer.
 */
final class ServiceProviderResolver {

    static final String UNKNOWN_SP = "saml.sso.unknown_sp";

    private final ServiceProviderStore serviceProviders;

    ServiceProviderResolver(ServiceProviderStore serviceProviders) {
        this.serviceProviders = serviceProviders;
    }

    ServiceProvider resolve(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            throw new SsoRefusal(UNKNOWN_SP, "no_issuer", 400, "saml.error.unknownSp", null);
        }
        return serviceProviders.findByEntityId(issuer.strip())
                .orElseThrow(() -> new SsoRefusal(UNKNOWN_SP, "not_registered", 400, "saml.error.unknownSp", issuer));
    }
}
