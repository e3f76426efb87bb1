package id.satupintu.sdk.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request and its response, as the framework-free sign-on logic sees them. Each adapter
 * (Jakarta Servlet, javax Servlet) implements it in a few lines over its request and response.
 */
public interface WebExchange {

    /** @return GET, POST, ... */
    String method();

    /** @return the path within the application: without the context path, without the query */
    String path();

    /** @return the context path ("" for the root application) */
    String contextPath();

    /** @return scheme, host and port as the browser addressed the application, e.g. {@code https://app.go.id} */
    String origin();

    /** @return the raw query string, or null */
    String queryString();

    /** @return a query or (for form POSTs) body parameter, or null */
    String parameter(String name);

    /** @return a request header, or null */
    String header(String name);

    Optional<String> cookie(String name);

    /**
     * Adds a cookie scoped to the context path, HttpOnly, SameSite=Lax, Secure when the request is secure.
     *
     * @param maxAge null for a browser-session cookie; {@link Duration#ZERO} deletes it
     */
    void setCookie(String name, String value, Duration maxAge);

    /** @return the container session, or null when there is none and {@code create} is false */
    WebSession session(boolean create);

    /** Gives the container session a new id (session fixation defence after sign-in). */
    void changeSessionId();

    boolean secure();

    Locale locale();

    /** Sends a 302 to {@code location} (already validated by the caller). */
    void redirect(String location);

    /** Writes a whole response. {@code headers} may be empty. */
    void respond(int status, String contentType, String body, Map<String, String> headers);
}
