package id.satupintu.sdk.web;

import java.util.Locale;

/** Builds a URL origin, for the servlet adapters, (RFC 6454 §6.2 serialisation) from what the container reports. */
public final class Origins {

    private Origins() {
    }

    /** @return {@code scheme://host[:port]}, the port left out when it is the scheme's default */
    public static String of(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        // an IPv6 literal must be bracketed in a URL (RFC 3986 §3.2.2); containers differ in whether they do
        String hostPart = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0
                || ("http".equals(lowerScheme) && port == 80)
                || ("https".equals(lowerScheme) && port == 443);
        return lowerScheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
    }
}
