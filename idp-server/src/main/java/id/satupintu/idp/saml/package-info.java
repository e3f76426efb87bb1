/**
 * The SAML 2.0 identity provider (SAML Core, Bindings, Profiles and Metadata, OASIS 2005): IdP
 * metadata, Web Browser SSO over the HTTP-Redirect and HTTP-POST bindings, Single Logout, and the
 * registration of service providers by their metadata. It shares the one single-sign-on session
 * with OpenID Connect ({@link id.satupintu.idp.session}).
 *
 * <p>OpenSAML 3 types never leave this package and its sub-packages: other packages see records
 * such as {@link id.satupintu.idp.saml.sp.ServiceProvider}. OpenSAML's own HTTP binding codecs
 * (javax.servlet, Velocity) are not used; the bindings are written on Jakarta Servlet.
 */
package id.satupintu.idp.saml;
