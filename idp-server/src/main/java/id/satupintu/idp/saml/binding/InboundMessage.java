package id.satupintu.idp.saml.binding;

import id.satupintu.idp.saml.SamlBinding;
import org.opensaml.saml.common.SignableSAMLObject;

/**
 * A SAML protocol message as received over a binding.
 *
 * @param redirectSignature null unless the message came over HTTP-Redirect with a query signature
 */
public record InboundMessage(SignableSAMLObject message, SamlBinding binding, String relayState,
                             RedirectSignedQuery redirectSignature) {

    /** @return the message's Issuer value, or null */
    public String issuer() {
        throw new UnsupportedOperationException("in progress");
    }

    /** @return whether the message carries a signature (enveloped, or the Redirect query signature) */
    public boolean signed() {
        throw new UnsupportedOperationException("in progress");
    }
}
