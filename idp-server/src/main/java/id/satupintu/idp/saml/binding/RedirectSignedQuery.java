package id.satupintu.idp.saml.binding;

/**
 * The detached signature of an HTTP-Redirect message as received (SAML Bindings §3.4.4.1).
 *
 * @param sigAlg the {@code SigAlg} URI
 * @param signature the decoded {@code Signature} bytes
 * @param signedOctets the octets the signature covers, rebuilt from the raw query string
 */
public record RedirectSignedQuery(String sigAlg, byte[] signature, byte[] signedOctets) {
}
