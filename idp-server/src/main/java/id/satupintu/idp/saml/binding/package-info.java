/**
 * The SAML HTTP-Redirect and HTTP-POST bindings (SAML Bindings §3.4, §3.5) on Jakarta Servlet:
 * {@link id.satupintu.idp.saml.binding.InboundDecoder} reads a message with size, encoding and
 * RelayState limits, {@link id.satupintu.idp.saml.binding.OutboundEncoder} writes one, the view
 * {@value id.satupintu.idp.saml.binding.PostForm#VIEW} posts it, and
 * {@link id.satupintu.idp.saml.binding.PostedMessages} parks a cross-site POST until the browser returns
 * with its SameSite=Lax session cookie.
 */
package id.satupintu.idp.saml.binding;
