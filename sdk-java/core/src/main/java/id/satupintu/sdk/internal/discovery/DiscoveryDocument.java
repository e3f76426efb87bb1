package id.satupintu.sdk.internal.discovery;

import com.nimbusds.jose.util.JSONObjectUtils;
import id.satupintu.sdk.ProviderMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenID Provider Configuration Response (OpenID Connect Discovery 1.0 §4.2) into
 * {@link ProviderMetadata}, refusing one whose {@code issuer} is not exactly the configured issuer (§4.3).
 */
final class DiscoveryDocument {

    private DiscoveryDocument() {
    }

    /**
     * The document as the SDK reads it.
     *
     * @param issuerInResponses {@code authorization_response_iss_parameter_supported} (RFC 9207 §3): the
     *                          provider puts {@code iss} in every authorization response
     */
    record Parsed(ProviderMetadata metadata, boolean issuerInResponses) {
    }

    /** @throws IllegalArgumentException with a message safe to log */
    static Parsed parse(String json, URI expectedIssuer) {
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("discovery document is not a JSON object");
        }
        String issuer = string(document, "issuer", true);
        if (!issuer.equals(expectedIssuer.toString())) {
            throw new IllegalArgumentException("discovery document names issuer '" + issuer
                    + "', not the configured '" + expectedIssuer + "' (OpenID Connect Discovery 1.0 §4.3)");
        }
        List<String> algorithms = strings(document, "id_token_signing_alg_values_supported");
        ProviderMetadata metadata = new ProviderMetadata(
                expectedIssuer,
                uri(document, "authorization_endpoint", true),
                uri(document, "token_endpoint", true),
                uri(document, "userinfo_endpoint", false),
                uri(document, "jwks_uri", true),
                uri(document, "end_session_endpoint", false),
                algorithms.isEmpty() ? List.of("RS256") : algorithms,
                Boolean.TRUE.equals(document.get("backchannel_logout_supported")),
                Boolean.TRUE.equals(document.get("frontchannel_logout_supported")));
        return new Parsed(metadata, Boolean.TRUE.equals(document.get("authorization_response_iss_parameter_supported")));
    }

    private static String string(Map<String, Object> document, String name, boolean required) {
        Object value = document.get(name);
        if (value instanceof String text && !text.isEmpty()) {
            return text;
        }
        if (required || value != null) {
            throw new IllegalArgumentException("discovery document has no valid " + name);
        }
        return null;
    }

    private static URI uri(Map<String, Object> document, String name, boolean required) {
        String value = string(document, name, required);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("discovery document's " + name + " is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("discovery document's " + name + " is not a URL");
        }
    }

    private static List<String> strings(Map<String, Object> document, String name) {
        return document.get(name) instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
