package id.satupintu.conformance.harness;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A user agent: keeps the server's cookies and follows redirects itself, but only while they
 * stay on the server's origin. A redirect anywhere else (a relying party's callback) ends the
 * navigation, so the test can read what the server sent without anyone receiving it.
 */
public final class Browser {

    private static final int MAX_REDIRECTS = 20;

    private final URI origin;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public Browser(URI origin) {
        this.origin = origin;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Navigates to {@code uri} and follows same-origin redirects. */
    public Page open(URI uri) {
        return follow(uri, send(HttpRequest.newBuilder(uri).GET()));
    }

    /** Submits a form body and follows same-origin redirects. */
    public Page post(URI uri, FormData form) {
        return follow(uri, send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.encode()))));
    }

    /** Submits an HTML form the way a browser would (GET forms put fields in the query). */
    public Page submit(HtmlForm form, FormData fields) {
        if ("get".equalsIgnoreCase(form.method())) {
            String separator = form.action().getRawQuery() == null ? "?" : "&";
            return open(URI.create(form.action() + separator + fields.encode()));
        }
        return post(form.action(), fields);
    }

    /** @return the cookies the server set, for checks on their attributes */
    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private Page follow(URI requested, HttpResponse<String> response) {
        URI current = requested;
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            Page page = new Page(current, response);
            if (!isRedirect(response.statusCode()) || page.location().isEmpty()) {
                return page;
            }
            URI next = page.location().get();
            if (!sameOrigin(next)) {
                return page;
            }
            current = next;
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new AssertionError("more than " + MAX_REDIRECTS + " redirects on the server's origin, last " + current.getPath());
    }

    private boolean sameOrigin(URI uri) {
        return Objects.equals(uri.getScheme(), origin.getScheme())
                && Objects.equals(uri.getHost(), origin.getHost())
                && port(uri) == port(origin);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
