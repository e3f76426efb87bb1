package id.satupintu.idp.saml.xml;

/**
 * The detached signature of an HTTP-Redirect message (SAML Bindings §3.4.4.1): the {@code SigAlg}
 * URI and the raw signature bytes (base64-encoded into the {@code Signature} query parameter).
 */
public record RedirectSignature(String sigAlg, byte[] signature) {
}
