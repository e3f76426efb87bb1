package id.satupintu.conformance.harness.saml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import id.satupintu.conformance.harness.FormData;
import id.satupintu.conformance.harness.HtmlForm;
import id.satupintu.conformance.harness.Page;

/**
 * A user agent for SAML front-channel round trips: unlike the OIDC tests' {@code Browser}, it
 * follows redirects across every origin it was told about (the IdP and the test SPs), because a
 * SAML exchange crosses between them. A redirect to any other origin still ends the navigation.
 * Cookies follow browser rules including SameSite ({@link CookieJar}), so the SP's cross-site
 * auto-POST reaches the IdP without its Lax session cookie, as in a real browser.
 */
public final class SamlBrowser {

    private static final int MAX_REDIRECTS = 20;

    /** One request the browser sent, for assertions on where a round trip went. */
    public record Request(String method, URI uri, int status) {

        @Override
        public String toString() {
            return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + " -> " + status;
        }
    }

    private final CookieJar cookies = new CookieJar();
    private final Set<String> origins = new LinkedHashSet<>();
    private final List<Request> history = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public SamlBrowser(URI... followedOrigins) {
        for (URI origin : followedOrigins) {
            follow(origin);
        }
    }

    /** Adds an origin whose redirects the browser follows. */
    public SamlBrowser follow(URI origin) {
        origins.add(origin(origin));
        return this;
    }

    /** Navigates to {@code uri} as if typed in the address bar, and follows redirects. */
    public Page open(URI uri) {
        return followRedirects(send("GET", uri, null, null));
    }

    /** Submits {@code fields} through {@code form}, read from {@code from}, and follows redirects. */
    public Page submit(Page from, HtmlForm form, FormData fields) {
        if ("get".equalsIgnoreCase(form.method())) {
            String separator = form.action().getRawQuery() == null ? "?" : "&";
            return followRedirects(send("GET", URI.create(form.action() + separator + fields.encode()), null, from.uri()));
        }
        return followRedirects(send("POST", form.action(), fields, from.uri()));
    }

    /** @return whether redirects to this URI are followed */
    public boolean follows(URI uri) {
        return uri.getScheme() != null && uri.getHost() != null && origins.contains(origin(uri));
    }

    public CookieJar cookies() {
        return cookies;
    }

    /** @return every request sent so far, oldest first */
    public List<Request> history() {
        return List.copyOf(history);
    }

    /** @return how many requests were sent so far; with {@link #historySince(int)} marks one round trip */
    public int mark() {
        return history.size();
    }

    public List<Request> historySince(int mark) {
        return List.copyOf(history.subList(mark, history.size()));
    }

    private Page followRedirects(Page page) {
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            if (!isRedirect(page.status()) || page.location().isEmpty()) {
                return page;
            }
            URI next = page.location().get();
            if (!follows(next)) {
                return page;
            }
            page = send("GET", next, null, page.uri());
        }
        throw new AssertionError("more than " + MAX_REDIRECTS + " redirects, last " + page.uri().getPath());
    }

    private Page send(String method, URI uri, FormData form, URI initiator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                // what browsers send on a navigation; a server may treat "application/json" as an API call
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.encode()));
            if (initiator != null) {
                // what a browser sends with a form submission; servers may check it against CSRF
                request.header("Origin", origin(initiator));
            }
        } else {
            request.GET();
        }
        String cookie = cookies.header(uri, method, initiator);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP " + method + " " + uri.getRawAuthority() + uri.getRawPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        response.headers().allValues("Set-Cookie").forEach(header -> cookies.store(uri, header));
        history.add(new Request(method, uri, response.statusCode()));
        return new Page(uri, response);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
