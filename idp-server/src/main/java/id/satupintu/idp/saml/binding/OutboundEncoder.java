package id.satupintu.idp.saml.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;

import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.RedirectSignature;
import id.satupintu.idp.saml.xml.XmlSigner;
import org.opensaml.saml.common.SignableSAMLObject;

/**
 * Encodes SAML protocol messages for the HTTP-Redirect (SAML Bindings §3.4.4) and HTTP-POST (§3.5.4)
 * bindings. The destination must come from the receiver's metadata, never from the message received.
 */
public final class OutboundEncoder {

    private OutboundEncoder() {
    }

    /**
     * The URL that carries {@code message} over HTTP-Redirect: DEFLATE, base64, URL-encoding
     * (§3.4.4.1); with {@code signerOrNull} a query signature over
     * {@code <parameterName>=…[&RelayState=…]&SigAlg=…} is appended as {@code Signature}.
     *
     * @param message an unsigned message: over Redirect the signature travels in the query (§3.4.4.1)
     * @param parameterName {@code SAMLRequest} or {@code SAMLResponse}
     * @param relayState returned verbatim, or null
     * @param destination the endpoint; may already carry a query, the SAML parameters are appended to it
     */
    public static String redirectUrl(String destination, SignableSAMLObject message, String parameterName,
                                     String relayState, XmlSigner signerOrNull) {
        checkParameterName(parameterName);
        checkRelayState(relayState);
        if (message.getSignature() != null) {
            throw new IllegalArgumentException("over HTTP-Redirect the signature travels in the query: pass an unsigned message");
        }
        byte[] xml = OpenSaml.toXml(message).getBytes(StandardCharsets.UTF_8);
        StringBuilder query = new StringBuilder(parameterName).append('=')
                .append(encode(Base64.getEncoder().encodeToString(deflate(xml))));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (signerOrNull != null) {
            query.append("&SigAlg=").append(encode(signerOrNull.redirectSigAlg()));
            RedirectSignature signature = signerOrNull.signRedirect(query.toString().getBytes(StandardCharsets.UTF_8));
            query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature.signature())));
        }
        int fragment = destination.indexOf('#');
        String base = fragment < 0 ? destination : destination.substring(0, fragment);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + query;
    }

    /**
     * The form that carries a signed {@code message} over HTTP-POST: base64 of the XML (§3.5.4), rendered by
     * {@link PostForm#VIEW}.
     */
    public static PostForm postForm(String destination, SignableSAMLObject signedMessage, String parameterName,
                                    String relayState) {
        checkParameterName(parameterName);
        checkRelayState(relayState);
        byte[] xml = OpenSaml.toXml(signedMessage).getBytes(StandardCharsets.UTF_8);
        return new PostForm(destination, parameterName, Base64.getEncoder().encodeToString(xml), relayState);
    }

    private static void checkParameterName(String parameterName) {
        if (!InboundDecoder.SAML_REQUEST.equals(parameterName) && !InboundDecoder.SAML_RESPONSE.equals(parameterName)) {
            throw new IllegalArgumentException("parameter must be SAMLRequest or SAMLResponse, not " + parameterName);
        }
    }

    private static void checkRelayState(String relayState) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > InboundDecoder.MAX_RELAY_STATE_BYTES) {
            throw new IllegalArgumentException("RelayState longer than " + InboundDecoder.MAX_RELAY_STATE_BYTES + " bytes");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Raw DEFLATE, no zlib header (RFC 1951, SAML Bindings §3.4.4.1). */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
