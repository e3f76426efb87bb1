package id.satupintu.idp.saml.sso;

import org.opensaml.saml.saml2.core.AuthnRequest;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.sp.ServiceProvider.Endpoint;

/**
 * Where the response goes, from the SP's metadata only (SAML Profiles §4.1.4.1, Core §3.4.1):
 * <ul>
 * <li>{@code AssertionConsumerServiceURL} (with {@code ProtocolBinding}, HTTP-POST being the only
 *     response binding spoken here) must match an ACS of the metadata exactly;</li>
 * <li>{@code AssertionConsumerServiceIndex} must name an HTTP-POST ACS of the metadata;</li>
 * <li>neither: the metadata's default HTTP-POST ACS.</li>
 * </ul>
 * Both at once is malformed (§3.4.1 makes them mutually exclusive). Anything else is refused with
 * an error page and audited as ACS substitution: redirecting to an unlisted URL would hand the
 * citizen's assertion to whoever wrote the request.
 */
final class AssertionConsumerServiceResolver {

    static final String ACS_SUBSTITUTION = "saml.sso.acs_substitution";

    Endpoint resolve(AuthnRequest request, ServiceProvider sp) {
        String url = request.getAssertionConsumerServiceURL();
        Integer index = request.getAssertionConsumerServiceIndex();
        String binding = request.getProtocolBinding();
        if (url != null && index != null) {
            throw SsoRefusal.badRequest(ACS_SUBSTITUTION, "url_and_index", sp.entityId());
        }
        if (binding != null && !SamlBinding.POST.uri().equals(binding)) {
            throw SsoRefusal.badRequest(ACS_SUBSTITUTION, "unsupported_protocol_binding", sp.entityId());
        }
        if (url != null) {
            return sp.assertionConsumerService(url, SamlBinding.POST)
                    .orElseThrow(() -> SsoRefusal.badRequest(ACS_SUBSTITUTION, "url_not_in_metadata", sp.entityId()));
        }
        if (index != null) {
            return sp.assertionConsumerService(index).filter(acs -> acs.binding() == SamlBinding.POST)
                    .orElseThrow(() -> SsoRefusal.badRequest(ACS_SUBSTITUTION, "index_not_in_metadata", sp.entityId()));
        }
        return sp.defaultAssertionConsumerService()
                .orElseThrow(() -> SsoRefusal.badRequest(ACS_SUBSTITUTION, "no_post_acs_in_metadata", sp.entityId()));
    }
}
