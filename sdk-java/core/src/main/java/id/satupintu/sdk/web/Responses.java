package id.satupintu.sdk.web;

import java.util.Map;

/** The small non-HTML answers the flow writes itself: JSON errors and the method-not-allowed reply. */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    /** An OAuth-style error object (RFC 6749 §5.2 shape); the description is always the SDK's own text. */
    static void jsonError(WebExchange exchange, int status, String error, String description, Map<String, String> headers) {
        exchange.respond(status, JSON, "{\"error\":\"" + jsonEscape(error) + "\",\"error_description\":\""
                + jsonEscape(description) + "\"}", headers);
    }

    static void methodNotAllowed(WebExchange exchange, String allowed) {
        exchange.respond(405, "text/plain; charset=UTF-8", "Method Not Allowed\n",
                Map.of("Allow", allowed, "Cache-Control", "no-store"));
    }

    static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
