package id.satupintu.idp.saml.binding;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import id.satupintu.idp.saml.SamlBinding;
import id.satupintu.idp.saml.xml.OpenSaml;
import id.satupintu.idp.saml.xml.XmlRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.StatusResponseType;

/**
 * Reads a SAML protocol message from an HTTP request: GET is the HTTP-Redirect binding (SAML Bindings
 * §3.4), POST the HTTP-POST binding (§3.5). Written on Jakarta Servlet (OpenSAML's codecs use
 * {@code javax.servlet}).
 *
 * <p>Limits, before any XML is read: the message decodes to at most {@value #MAX_MESSAGE_BYTES} bytes
 * (DEFLATE bombs stop there), {@code RelayState} is at most {@value #MAX_RELAY_STATE_BYTES} bytes
 * (§3.4.3, §3.5.3), each parameter appears once. The XML goes through {@link OpenSaml#parse} only
 * (no DTD, no entities). For a signed Redirect message the signed octets are rebuilt from the raw
 * query string as received, never from decoded and re-encoded values (§3.4.4.1: encodings differ
 * between senders).
 */
public final class InboundDecoder {

    /** Largest decoded (and inflated) message accepted: far beyond any real AuthnRequest or LogoutRequest. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** SAML Bindings §3.4.3 and §3.5.3. */
    public static final int MAX_RELAY_STATE_BYTES = 80;

    static final String SAML_REQUEST = "SAMLRequest";
    static final String SAML_RESPONSE = "SAMLResponse";
    static final String RELAY_STATE = "RelayState";
    static final String SIG_ALG = "SigAlg";
    static final String SIGNATURE = "Signature";
    static final String SAML_ENCODING = "SAMLEncoding";
    static final String DEFLATE_ENCODING = "urn:oasis:names:tc:SAML:2.0:bindings:URL-Encoding:DEFLATE";

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[\\r\\n\\t ]");

    /** base64 of the largest message, plus room for line breaks. */
    private static final int MAX_ENCODED_CHARS = MAX_MESSAGE_BYTES / 3 * 4 + 16 * 1024;

    private InboundDecoder() {
    }

    /**
     * @throws SamlBindingException for a request that is no well-formed SAML protocol message of either binding
     */
    public static InboundMessage decode(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equalsIgnoreCase(method)) {
            return decodeRedirect(request.getQueryString());
        }
        if ("POST".equalsIgnoreCase(method)) {
            return decodePost(request);
        }
        throw new SamlBindingException("HTTP method " + method + " is not a SAML binding");
    }

    private static InboundMessage decodeRedirect(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new SamlBindingException("no SAMLRequest or SAMLResponse parameter");
        }
        if (rawQuery.length() > MAX_ENCODED_CHARS * 3) {
            throw new SamlBindingException("the query string is too long");
        }
        Map<String, String> raw = rawParameters(rawQuery);
        String messageParameter = messageParameter(raw.containsKey(SAML_REQUEST), raw.containsKey(SAML_RESPONSE));
        if (raw.containsKey(SAML_ENCODING) && !DEFLATE_ENCODING.equals(urlDecode(raw.get(SAML_ENCODING)))) {
            // SAML Bindings §3.4.4: DEFLATE is the only encoding defined, and the one this IdP reads
            throw new SamlBindingException("the SAMLEncoding " + urlDecode(raw.get(SAML_ENCODING)) + " is not supported");
        }
        String encodedMessage = urlDecode(raw.get(messageParameter));
        String relayState = relayState(raw.containsKey(RELAY_STATE) ? urlDecode(raw.get(RELAY_STATE)) : null);
        byte[] xml = inflate(base64(encodedMessage, messageParameter));
        SignableSAMLObject message = parse(xml);

        RedirectSignedQuery signature = null;
        if (raw.containsKey(SIGNATURE)) {
            if (!raw.containsKey(SIG_ALG)) {
                throw new SamlBindingException("the Signature parameter comes without SigAlg");
            }
            // SAML Bindings §3.4.4.1: the octets are the parameters in this order, as they appear in the URL
            StringBuilder octets = new StringBuilder(messageParameter).append('=').append(raw.get(messageParameter));
            if (raw.containsKey(RELAY_STATE)) {
                octets.append('&').append(RELAY_STATE).append('=').append(raw.get(RELAY_STATE));
            }
            octets.append('&').append(SIG_ALG).append('=').append(raw.get(SIG_ALG));
            signature = new RedirectSignedQuery(urlDecode(raw.get(SIG_ALG)),
                    base64(urlDecode(raw.get(SIGNATURE)), SIGNATURE), octets.toString().getBytes(StandardCharsets.UTF_8));
        } else if (raw.containsKey(SIG_ALG)) {
            throw new SamlBindingException("the SigAlg parameter comes without Signature");
        }
        return new InboundMessage(message, SamlBinding.REDIRECT, relayState, signature);
    }

    private static InboundMessage decodePost(HttpServletRequest request) {
        String[] requests = request.getParameterValues(SAML_REQUEST);
        String[] responses = request.getParameterValues(SAML_RESPONSE);
        String messageParameter = messageParameter(requests != null, responses != null);
        String[] values = SAML_REQUEST.equals(messageParameter) ? requests : responses;
        String encoded = single(values, messageParameter);
        if (encoded.length() > MAX_ENCODED_CHARS) {
            throw new SamlBindingException("the " + messageParameter + " is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
        String[] relayStates = request.getParameterValues(RELAY_STATE);
        String relayState = relayState(relayStates == null ? null : single(relayStates, RELAY_STATE));
        byte[] xml = base64(encoded, messageParameter);
        if (xml.length > MAX_MESSAGE_BYTES) {
            throw new SamlBindingException("the " + messageParameter + " is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
        return new InboundMessage(parse(xml), SamlBinding.POST, relayState, null);
    }

    /**
     * Reads a message already decoded from a binding (a parked POST, say) through the hardened parser.
     *
     * @throws SamlBindingException when it is not a SAML request or response
     */
    public static SignableSAMLObject parse(byte[] xml) {
        XMLObject object;
        try {
            object = OpenSaml.parse(xml);
        } catch (XmlRejectedException e) {
            throw new SamlBindingException("the message is not acceptable XML: " + e.getMessage(), e);
        }
        if (object instanceof RequestAbstractType || object instanceof StatusResponseType) {
            return (SignableSAMLObject) object;
        }
        throw new SamlBindingException("the message is not a SAML protocol request or response: "
                + object.getElementQName().getLocalPart());
    }

    private static String messageParameter(boolean hasRequest, boolean hasResponse) {
        if (hasRequest && hasResponse) {
            throw new SamlBindingException("both SAMLRequest and SAMLResponse are present");
        }
        if (!hasRequest && !hasResponse) {
            throw new SamlBindingException("no SAMLRequest or SAMLResponse parameter");
        }
        return hasRequest ? SAML_REQUEST : SAML_RESPONSE;
    }

    private static String relayState(String relayState) {
        if (relayState != null && relayState.getBytes(StandardCharsets.UTF_8).length > MAX_RELAY_STATE_BYTES) {
            throw new SamlBindingException("the RelayState is longer than " + MAX_RELAY_STATE_BYTES + " bytes");
        }
        return relayState;
    }

    /** @return the query's parameters with their raw (still URL-encoded) values; a repeated parameter is refused */
    private static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (parameters.put(name, value) != null && isSamlParameter(name)) {
                throw new SamlBindingException("the " + name + " parameter appears more than once");
            }
        }
        return parameters;
    }

    private static boolean isSamlParameter(String name) {
        return SAML_REQUEST.equals(name) || SAML_RESPONSE.equals(name) || RELAY_STATE.equals(name)
                || SIG_ALG.equals(name) || SIGNATURE.equals(name) || SAML_ENCODING.equals(name);
    }

    private static String single(String[] values, String name) {
        if (values.length != 1) {
            throw new SamlBindingException("the " + name + " parameter appears more than once");
        }
        return values[0];
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlBindingException("a parameter is not URL-encoded correctly", e);
        }
    }

    private static byte[] base64(String value, String name) {
        if (value.isBlank()) {
            throw new SamlBindingException("the " + name + " parameter is empty");
        }
        try {
            // line breaks are tolerated (some senders wrap at 76 characters); any other non-base64 character is not
            return Base64.getDecoder().decode(WHITESPACE.matcher(value).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new SamlBindingException("the " + name + " parameter is not base64", e);
        }
    }

    /** Raw DEFLATE (RFC 1951, SAML Bindings §3.4.4.1), stopped at {@link #MAX_MESSAGE_BYTES}. */
    static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_MESSAGE_BYTES, deflated.length * 4 + 64));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SamlBindingException("the SAMLRequest or SAMLResponse is not a complete DEFLATE stream");
                }
                if (out.size() + n > MAX_MESSAGE_BYTES) {
                    throw new SamlBindingException("the message inflates to more than " + MAX_MESSAGE_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlBindingException("the SAMLRequest or SAMLResponse is not DEFLATE-compressed", e);
        } finally {
            inflater.end();
        }
    }
}
