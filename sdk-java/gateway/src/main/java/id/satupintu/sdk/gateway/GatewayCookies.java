package id.satupintu.sdk.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the gateway's own cookies (its session, the SDK's cookies) away from the upstream application:
 * they are credentials for the gateway, and an upstream that logs or echoes request headers must not be
 * able to leak a usable session. Every cookie whose name starts with {@code SATUPINTU} is the gateway's;
 * the gateway names its container session cookie {@link #SESSION_COOKIE} so the same rule covers it.
 */
public final class GatewayCookies {

    /** The gateway's container session cookie, distinct from an upstream's own {@code JSESSIONID}. */
    public static final String SESSION_COOKIE = "SATUPINTU_GATEWAY";

    private static final String PREFIX = "SATUPINTU";

    private GatewayCookies() {
    }

    public static boolean isGatewayCookie(String name) {
        return name.strip().toUpperCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * @param cookieHeaders every {@code Cookie} header of the request (RFC 6265 §5.4 sends one, but a client may send more)
     * @return one {@code Cookie} header value with the gateway's cookies removed, or null when none is left
     */
    public static String forUpstream(List<String> cookieHeaders) {
        List<String> kept = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                String name = equals < 0 ? trimmed : trimmed.substring(0, equals);
                if (!isGatewayCookie(name)) {
                    kept.add(trimmed);
                }
            }
        }
        return kept.isEmpty() ? null : String.join("; ", kept);
    }

    /** @return true when an upstream {@code Set-Cookie} would overwrite one of the gateway's cookies */
    public static boolean setsGatewayCookie(String setCookieValue) {
        int equals = setCookieValue.indexOf('=');
        return isGatewayCookie(equals < 0 ? setCookieValue : setCookieValue.substring(0, equals));
    }
}
