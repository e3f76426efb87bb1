package id.satupintu.idp.saml.sso;

import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * SAML Core §3.2.1 {@code Destination}: when present it must be this IdP's SSO URL, and SAML
 * Bindings §3.4.5.2 / §3.5.5.2 require it on a signed request, so a request signed for another
 * IdP (or another endpoint) cannot be replayed here.
 */
final class DestinationCheck {

    static final String DESTINATION = "saml.sso.destination";

    private final String ssoUrl;

    DestinationCheck(String ssoUrl) {
        this.ssoUrl = ssoUrl;
    }

    void check(AuthnRequest request, boolean signed, String spEntityId) {
        String destination = request.getDestination();
        if (destination == null) {
            if (signed) {
                throw SsoRefusal.badRequest(DESTINATION, "missing_on_signed_request", spEntityId);
            }
            return;
        }
        if (!destination.equals(ssoUrl)) {
            throw SsoRefusal.badRequest(DESTINATION, "not_this_endpoint", spEntityId);
        }
    }
}
