package id.satupintu.conformance.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Where the browser ended up: either a page rendered by the server, or a redirect that leaves
 * the server's origin (to a relying party's redirect URI, which the tests never follow).
 */
public record Page(URI uri, HttpResponse<String> response) {

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

    @Override
    public String toString() {
        return "Page[" + status() + " " + uri.getPath() + location().map(l -> " -> " + l.getScheme() + "://"
                + l.getAuthority() + l.getPath()).orElse("") + "]";
    }
}
