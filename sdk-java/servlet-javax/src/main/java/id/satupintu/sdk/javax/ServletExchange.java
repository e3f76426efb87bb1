package id.satupintu.sdk.javax;

import id.satupintu.sdk.web.Origins;
import id.satupintu.sdk.web.SetCookieHeader;
import id.satupintu.sdk.web.WebExchange;
import id.satupintu.sdk.web.WebSession;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One servlet request and its response as the framework-free {@link id.satupintu.sdk.web.SsoFlow} sees them. */
final class ServletExchange implements WebExchange {

    private final HttpServletRequest request;
    private final HttpServletResponse response;

    ServletExchange(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    /**
     * The decoded, normalised path the container itself maps servlets by (servlet path plus path info), so
     * that protected-path patterns match exactly what the application's servlets receive: an encoded or
     * dot-segment variant of a protected path cannot slip past as an unprotected one.
     */
    @Override
    public String path() {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String contextPath() {
        return request.getContextPath();
    }

    /**
     * Scheme, host and port as the container reports them. Behind a proxy the container's own handling (for
     * example Tomcat's RemoteIpValve) sets these; forwarded headers are deliberately not read here, since
     * any client can send them.
     */
    @Override
    public String origin() {
        return Origins.of(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    @Override
    public String queryString() {
        return request.getQueryString();
    }

    @Override
    public String parameter(String name) {
        return request.getParameter(name);
    }

    @Override
    public String header(String name) {
        return request.getHeader(name);
    }

    @Override
    public Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Written as a header: Servlet 4.0's {@link Cookie} has no SameSite attribute. */
    @Override
    public void setCookie(String name, String value, Duration maxAge) {
        response.addHeader("Set-Cookie", SetCookieHeader.format(name, value, maxAge, cookiePath(), secure()));
    }

    private String cookiePath() {
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() ? "/" : contextPath;
    }

    @Override
    public WebSession session(boolean create) {
        HttpSession session = request.getSession(create);
        return session == null ? null : new ServletSession(session);
    }

    @Override
    public void changeSessionId() {
        // without a session there is no id an attacker could have planted
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public Locale locale() {
        return request.getLocale();
    }

    @Override
    public void redirect(String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }

    @Override
    public void respond(int status, String contentType, String body, Map<String, String> headers) {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IOException e) {
            // the browser went away; the container logs and drops the request
            throw new UncheckedIOException(e);
        }
    }
}
