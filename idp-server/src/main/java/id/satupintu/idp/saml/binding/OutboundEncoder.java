package id.satupintu.idp.saml.binding;

import id.satupintu.idp.saml.xml.XmlSigner;
import org.opensaml.saml.common.SignableSAMLObject;

/** Encodes SAML messages for HTTP-Redirect and HTTP-POST. */
public final class OutboundEncoder {

    private OutboundEncoder() {
    }

    public static String redirectUrl(String destination, SignableSAMLObject message, String parameterName,
                                     String relayState, XmlSigner signerOrNull) {
        throw new UnsupportedOperationException("in progress");
    }

    public static PostForm postForm(String destination, SignableSAMLObject signedMessage, String parameterName,
                                    String relayState) {
        throw new UnsupportedOperationException("in progress");
    }
}
