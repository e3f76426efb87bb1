package id.satupintu.conformance.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the browser ended up: either a page rendered by the server, or a redirect that leaves
 * the server's origin (to a relying party's redirect URI, which the tests never follow).
 */
public record Page(URI uri, HttpResponse<String> response) {

    private static final Pattern ALERT = Pattern.compile("role=\"alert\"[^>]*>(.*?)</", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL);

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    public Optional<URI> location() {
        return response.headers().firstValue("Location").map(uri::resolve);
    }

    /** @return whether the server sent the browser away from its own origin */
    public boolean leftServer() {
        return Browser.isRedirect(status()) && location().isPresent();
    }

    /** @return the text of the page's alert (role="alert"), or its title: what a person would read first */
    public String headline() {
        String body = body() == null ? "" : body();
        Matcher alert = ALERT.matcher(body);
        if (alert.find()) {
            return "alert: " + alert.group(1).replaceAll("<[^>]+>", "").trim();
        }
        Matcher title = TITLE.matcher(body);
        return title.find() ? "title: " + title.group(1).trim() : Json.abbreviate(body);
    }

    @Override
    public String toString() {
        return "Page[" + status() + " " + uri.getPath() + location().map(l -> " -> " + l.getScheme() + "://"
                + l.getAuthority() + l.getPath()).orElse("") + "]";
    }
}
