package id.satupintu.sdk.web;

import java.time.Duration;

/**
 * A {@code Set-Cookie} header value (RFC 6265 §4.1) with the attributes every SDK cookie carries: HttpOnly,
 * SameSite=Lax (so the provider's redirect back, a top-level GET, still carries it), Secure over https.
 */
public final class SetCookieHeader {

    private SetCookieHeader() {
    }

    /** @param maxAge null for a browser-session cookie; zero or negative deletes the cookie */
    public static String format(String name, String value, Duration maxAge, String path, boolean secure) {
        requireToken(name, "name");
        requireToken(value == null ? "" : value, "value");
        StringBuilder header = new StringBuilder(name).append('=').append(value == null ? "" : value)
                .append("; Path=").append(path);
        if (maxAge != null) {
            header.append("; Max-Age=").append(Math.max(0, maxAge.toSeconds()));
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (secure) {
            header.append("; Secure");
        }
        return header.toString();
    }

    /** A separator or control character would let a value add attributes or a second header line. */
    private static void requireToken(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ';' || c == ',' || c == '"' || c == '\\') {
                throw new IllegalArgumentException("cookie " + what + " holds a character not allowed in a cookie");
            }
        }
    }
}
