package id.satupintu.idp.session.logout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A citizen's browser over real HTTP against the server on its random port: keeps the server's
 * cookies, follows nothing by itself (tests look at every hop), and sends cross-site POSTs without
 * the SameSite=Lax session cookie, as browsers do (RFC 6265bis §5.4.7).
 *
 * <p>The server's issuer in tests is {@code http://localhost:0} (random port), so URLs built from it
 * are sent to the real port.
 */
public final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** GET of a path, or of an absolute URL on this server (issuer URLs included). */
    public HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET(), true);
    }

    /** A same-site form POST: cookies go with it. */
    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) throws IOException, InterruptedException {
        return send(formPost(pathOrUrl, form), true);
    }

    /** A cross-site form POST (an SP's page posting to the IdP): no SameSite=Lax cookie goes with it. */
    public HttpResponse<String> crossSitePost(String pathOrUrl, Map<String, String> form)
            throws IOException, InterruptedException {
        return send(formPost(pathOrUrl, form), false);
    }

    /** Follows one redirect (on this server) with a GET. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        return get(location(redirect));
    }

    /** Signs in through the login form; returns where the form sent the browser ("/" on success). */
    public String signIn(String nik, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        HttpResponse<String> result = post("/login", Map.of("nik", nik, "password", password, "_csrf", csrf(page.body())));
        return location(result);
    }

    /** @return the CSRF token of a page's form */
    public static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in page");
        }
        return matcher.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no Location in a " + response.statusCode() + " response: " + response.body()));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** @return every cookie the browser holds, name to value, to hand the session to a real browser */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public String base() {
        return base;
    }

    private HttpRequest.Builder formPost(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withCookies)
            throws IOException, InterruptedException {
        request.header("Accept", "text/html");
        if (withCookies && !cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://localhost:0")) {
            return URI.create(base + pathOrUrl.substring("http://localhost:0".length()));
        }
        if (pathOrUrl.startsWith("http")) {
            return URI.create(pathOrUrl);
        }
        return URI.create(base + pathOrUrl);
    }
}
