package id.satupintu.sdk.internal.oidc;

/**
 * Where a citizen may be sent back after sign-in: a path of this application only. Anything else
 * becomes {@code /}, so the callback cannot be turned into an open redirect (RFC 9700 §4.11).
 */
public final class ReturnPath {

    private ReturnPath() {
    }

    public static String sanitize(String returnTo) {
        if (returnTo == null || returnTo.length() > 2048 || !returnTo.startsWith("/")) {
            return "/";
        }
        // "//host" and "/\host" are network-path references to browsers; control characters are
        // dropped by browsers ("/\t/host" becomes "//host") or could split a header
        if (returnTo.startsWith("//") || returnTo.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < returnTo.length(); i++) {
            char c = returnTo.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "/";
            }
        }
        return returnTo;
    }
}
