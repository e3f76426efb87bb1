/**
 * This IdP's own SAML metadata (SAML Metadata §2.4.3 {@code IDPSSODescriptor}), signed and served at
 * {@link id.satupintu.idp.saml.SamlPaths#METADATA}.
 */
package id.satupintu.idp.saml.metadata;
