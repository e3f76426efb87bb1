package id.satupintu.idp.saml.binding;

import jakarta.servlet.http.HttpServletRequest;

/** Decodes SAML messages from HTTP-Redirect (GET) and HTTP-POST requests. */
public final class InboundDecoder {

    private InboundDecoder() {
    }

    public static InboundMessage decode(HttpServletRequest request) {
        throw new UnsupportedOperationException("in progress");
    }
}
