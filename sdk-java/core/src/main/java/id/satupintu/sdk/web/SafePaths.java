package id.satupintu.sdk.web;

/**
 * Where the SDK may send a browser after sign-in: a path within this application only. Anything that a
 * browser could read as another origin ({@code //evil.example}, {@code /\evil.example}, {@code https://evil},
 * control characters that browsers strip) becomes {@code /}, so the callback can never be turned into an
 * open redirect (RFC 9700 §4.11).
 */
final class SafePaths {

    /** Longer return paths are dropped rather than truncated, since a truncated query means something else. */
    static final int MAX_LENGTH = 2048;

    private SafePaths() {
    }

    /** @return {@code candidate} when it is a same-application path with optional query, else {@code /} */
    static String withinApplication(String candidate) {
        return isWithinApplication(candidate) ? candidate : "/";
    }

    static boolean isWithinApplication(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        if (candidate.charAt(0) != '/') {
            return false;
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            // backslashes become slashes in browsers; control characters are stripped, which can reveal "//"
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** @return the path and query the browser asked for, within the application */
    static String requested(WebExchange exchange) {
        String query = exchange.queryString();
        String path = exchange.path() == null || exchange.path().isEmpty() ? "/" : exchange.path();
        return withinApplication(query == null || query.isEmpty() ? path : path + "?" + query);
    }

    /**
     * @return {@code uri} when absolute ({@code https://...}); otherwise a path resolved against the
     *         browser's origin and the application's context path
     */
    static String absolute(WebExchange exchange, String uri) {
        if (uri.startsWith("https://") || uri.startsWith("http://")) {
            return uri;
        }
        String path = uri.startsWith("/") ? uri : "/" + uri;
        return exchange.origin() + exchange.contextPath() + path;
    }
}
