package id.satupintu.idp.saml.binding;

/**
 * The detached signature of an HTTP-Redirect message as received (SAML Bindings §3.4.4.1).
 *
 * @param sigAlg the {@code SigAlg} URI
 * @param signature the decoded {@code Signature} bytes
 * @param signedOctets {@code SAMLRequest=…[&RelayState=…]&SigAlg=…} rebuilt from the raw query string,
 *        the values exactly as they were URL-encoded by the sender
 */
public record RedirectSignedQuery(String sigAlg, byte[] signature, byte[] signedOctets) {
}
