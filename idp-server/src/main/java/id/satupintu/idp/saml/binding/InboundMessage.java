package id.satupintu.idp.saml.binding;

import java.util.Objects;

import id.satupintu.idp.saml.SamlBinding;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.StatusResponseType;

/**
 * A SAML protocol message as received over a binding, not yet checked against any rule: its
 * signatures are verified by whoever knows the sender's certificates.
 *
 * @param message a request ({@code AuthnRequest}, {@code LogoutRequest}) or a response ({@code LogoutResponse})
 * @param relayState the {@code RelayState} as received (at most 80 bytes, SAML Bindings §3.4.3, §3.5.3); null when absent
 * @param redirectSignature null unless the message came over HTTP-Redirect with a query signature
 */
public record InboundMessage(SignableSAMLObject message, SamlBinding binding, String relayState,
                             RedirectSignedQuery redirectSignature) {

    public InboundMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(binding, "binding");
    }

    /** @return the message's Issuer value, or null */
    public String issuer() {
        Issuer issuer = null;
        if (message instanceof RequestAbstractType request) {
            issuer = request.getIssuer();
        } else if (message instanceof StatusResponseType response) {
            issuer = response.getIssuer();
        }
        if (issuer == null || issuer.getValue() == null || issuer.getValue().isBlank()) {
            return null;
        }
        return issuer.getValue().strip();
    }

    /** @return whether the message carries a signature: the Redirect query signature, or an enveloped one */
    public boolean signed() {
        return redirectSignature != null || message.getSignature() != null;
    }
}
