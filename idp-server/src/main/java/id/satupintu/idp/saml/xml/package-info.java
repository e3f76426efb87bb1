/**
 * SAML XML security: the hardened parser ({@link id.satupintu.idp.saml.xml.OpenSaml}), enveloped and
 * HTTP-Redirect signatures made with the ACTIVE SAML key ({@link id.satupintu.idp.saml.xml.XmlSigner})
 * and checked against signature wrapping ({@link id.satupintu.idp.saml.xml.XmlSignatureVerifier}),
 * assertion encryption for service providers ({@link id.satupintu.idp.saml.xml.AssertionEncrypter})
 * and decryption of what they encrypt for the IdP ({@link id.satupintu.idp.saml.xml.Decrypter}).
 * Failures are exceptions whose message names the check, safe for audit details.
 */
package id.satupintu.idp.saml.xml;
