package id.satupintu.idp.saml.slo;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.saml.SamlPaths;

/**
 * This IdP's names as single logout uses them: its entity ID (the {@code Issuer} of every message it
 * sends, SAML Core §3.2.1) and the absolute URL of its SLO service (the {@code Destination} a
 * service provider's {@code LogoutRequest} must carry, SAML Bindings §3.4.5.2 and §3.5.5.2).
 *
 * @param entityId the IdP's entity ID: the issuer ({@code satupintu.issuer}) without a trailing slash,
 *        as in the IdP metadata and SSO responses
 * @param sloUrl {@code <issuer>/saml2/idp/slo}
 */
record SloEndpoints(String entityId, String sloUrl) {

    /** Where the browser continues a logout chain started outside SAML (same-site GET, session cookie sent). */
    static final String CONTINUE = SamlPaths.SLO + "/continue";
    /**
     * Where the browser fetches the HTTP-POST LogoutResponse to the SP that started the logout, once the
     * signed-out page rendered the OIDC front-channel logout frames ({@link PendingLogoutResponse}).
     */
    static final String RESPONSE = SamlPaths.SLO + "/response";
    /** Query parameter of the same-site GET that claims a message POSTed cross-site. */
    static final String POSTED = "posted";

    static SloEndpoints of(SatuPintuProperties properties) {
        String base = properties.issuer().endsWith("/")
                ? properties.issuer().substring(0, properties.issuer().length() - 1) : properties.issuer();
        return new SloEndpoints(base, base + SamlPaths.SLO);
    }
}
