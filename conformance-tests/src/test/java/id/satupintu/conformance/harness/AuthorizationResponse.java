package id.satupintu.conformance.harness;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server sent to the redirect URI: the query of the {@code Location} header
 * (OIDC Core §3.1.2.5/§3.1.2.6, RFC 9207 {@code iss}).
 */
public record AuthorizationResponse(URI location, Map<String, String> parameters) {

    public static AuthorizationResponse from(URI location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = location.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.putIfAbsent(name, value);
            }
        }
        return new AuthorizationResponse(location, parameters);
    }

    /** @return the location without its query: where the server redirected to */
    public String target() {
        return location.getScheme() + "://" + location.getRawAuthority() + location.getRawPath();
    }

    public String code() {
        return parameters.get("code");
    }

    public String state() {
        return parameters.get("state");
    }

    public String iss() {
        return parameters.get("iss");
    }

    public String error() {
        return parameters.get("error");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // the code is a credential: name the parameters, show only error details
        return "AuthorizationResponse[" + target() + " " + parameters.keySet()
                + (error() != null ? " error=" + error() + " " + parameters.get("error_description") : "") + "]";
    }
}
