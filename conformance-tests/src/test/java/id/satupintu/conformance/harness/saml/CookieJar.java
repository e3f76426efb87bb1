package id.satupintu.conformance.harness.saml;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A browser's cookie store with the one rule SAML front-channel bindings run into: SameSite
 * (RFC 6265bis §5.6.7.1/§5.8.3). {@code java.net.CookieManager} ignores it and would send the IdP's
 * session cookie on the SP's cross-site auto-POST, hiding the case where a real browser arrives
 * without it. Cookies without a SameSite attribute are treated as {@code Lax}, as current browsers do.
 *
 * <p>Scope rules are the ones that matter on loopback: host-only unless {@code Domain} is given,
 * path prefix, {@code Max-Age}/{@code Expires}; ports are ignored, as browsers ignore them.
 */
public final class CookieJar {

    /** SameSite values (RFC 6265bis §4.1.2.7). */
    public enum SameSite { STRICT, LAX, NONE }

    /** One stored cookie. */
    public record Cookie(String name, String value, String host, boolean hostOnly, String path, SameSite sameSite,
                         Instant expires) {

        boolean matches(URI uri) {
            String requestHost = uri.getHost().toLowerCase(Locale.ROOT);
            boolean hostMatches = hostOnly ? requestHost.equals(host)
                    : requestHost.equals(host) || requestHost.endsWith("." + host);
            String requestPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            boolean pathMatches = requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
            return hostMatches && pathMatches;
        }

        boolean expired(Instant now) {
            return expires != null && !expires.isAfter(now);
        }
    }

    private final List<Cookie> cookies = new ArrayList<>();

    /** Stores what one response's {@code Set-Cookie} header says (RFC 6265bis §5.7). */
    public synchronized void store(URI responseUri, String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String host = responseUri.getHost().toLowerCase(Locale.ROOT);
        boolean hostOnly = true;
        String path = defaultPath(responseUri);
        SameSite sameSite = SameSite.LAX;
        Instant expires = null;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int aeq = attribute.indexOf('=');
            String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String attributeValue = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
            switch (key) {
                case "domain" -> {
                    if (!attributeValue.isEmpty()) {
                        host = attributeValue.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
                        hostOnly = false;
                    }
                }
                case "path" -> path = attributeValue.startsWith("/") ? attributeValue : path;
                case "samesite" -> sameSite = switch (attributeValue.toLowerCase(Locale.ROOT)) {
                    case "strict" -> SameSite.STRICT;
                    case "none" -> SameSite.NONE;
                    default -> SameSite.LAX;
                };
                case "max-age" -> expires = Instant.now().plusSeconds(parseLong(attributeValue));
                default -> {
                    // Expires is superseded by Max-Age in every response here; Secure/HttpOnly change nothing on loopback
                }
            }
        }
        Cookie cookie = new Cookie(name, value, host, hostOnly, path, sameSite, expires);
        cookies.removeIf(c -> c.name().equals(name) && c.host().equals(cookie.host()) && c.path().equals(cookie.path()));
        if (!cookie.expired(Instant.now())) {
            cookies.add(cookie);
        }
    }

    /**
     * @param initiator the page that caused the request (the form's page, the redirecting URL), null
     *        for a navigation the user typed: never cross-site
     * @param method {@code GET} for a top-level navigation, {@code POST} for a form submission
     * @return the {@code Cookie} header value for this request, or null when no cookie goes
     */
    public synchronized String header(URI target, String method, URI initiator) {
        Instant now = Instant.now();
        cookies.removeIf(c -> c.expired(now));
        boolean crossSite = initiator != null && !site(initiator).equals(site(target));
        String header = cookies.stream()
                .filter(c -> c.matches(target))
                .filter(c -> !crossSite || c.sameSite() == SameSite.NONE
                        || c.sameSite() == SameSite.LAX && "GET".equalsIgnoreCase(method))
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? null : header;
    }

    /** @return the cookie of this name for this host, if stored */
    public synchronized java.util.Optional<Cookie> find(String host, String name) {
        return cookies.stream().filter(c -> c.host().equals(host) && c.name().equals(name)).findFirst();
    }

    public synchronized List<Cookie> all() {
        return List.copyOf(cookies);
    }

    /**
     * The "site" of a URL for SameSite (RFC 6265bis §5.2, schemeful): scheme and registrable domain.
     * On loopback the host is the whole domain, so {@code localhost} and {@code 127.0.0.1} are two sites
     * while two ports of one host are one site.
     */
    static String site(URI uri) {
        return Objects.requireNonNull(uri.getScheme(), "scheme").toLowerCase(Locale.ROOT) + "://"
                + Objects.requireNonNull(uri.getHost(), "host").toLowerCase(Locale.ROOT);
    }

    private static String defaultPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.lastIndexOf('/') == 0) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
