package id.satupintu.idp.saml;

/** The IdP's SAML endpoints: stable, documented URLs that service providers put in their configuration. */
public final class SamlPaths {

    /** IdP metadata (SAML Metadata §2.4.3), signed. */
    public static final String METADATA = "/saml2/idp/metadata";
    /** Single Sign-On service, HTTP-Redirect and HTTP-POST (SAML Profiles §4.1). */
    public static final String SSO = "/saml2/idp/sso";
    /** Single Logout service, HTTP-Redirect and HTTP-POST (SAML Profiles §4.4). */
    public static final String SLO = "/saml2/idp/slo";
    /** IdP-initiated SSO ({@code ?sp=<entityID>}), off unless allowed per service provider. */
    public static final String IDP_INITIATED = "/saml2/idp/init";
    /** Every SAML path, for security configuration. */
    public static final String ALL = "/saml2/**";

    private SamlPaths() {
    }
}
