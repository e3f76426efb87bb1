package id.satupintu.sdk.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One request of a {@link TestBrowser} to a {@link TestContainer}, and the response the flow wrote. */
public final class TestExchange implements WebExchange {

    private final TestContainer container;
    private final TestBrowser browser;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<TestBrowser.SetCookie> setCookies = new ArrayList<>();
    private Locale locale = Locale.ROOT;
    private boolean secure;
    private TestContainer.Session session;

    private int status;
    private String contentType;
    private String body;
    private Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String location;

    TestExchange(TestContainer container, TestBrowser browser, String method, String target) {
        this.container = container;
        this.browser = browser;
        this.method = method;
        int question = target.indexOf('?');
        this.path = question < 0 ? target : target.substring(0, question);
        this.query = question < 0 ? null : target.substring(question + 1);
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                parameters.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        this.session = container.session(browser.cookie(TestContainer.SESSION_COOKIE).orElse(null)).orElse(null);
    }

    public TestExchange header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** A form (body) parameter. */
    public TestExchange form(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    public TestExchange locale(Locale value) {
        this.locale = value;
        return this;
    }

    public TestExchange secure(boolean value) {
        this.secure = value;
        return this;
    }

    // ---- the response, for assertions

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public String responseHeader(String name) {
        return responseHeaders.get(name);
    }

    /** @return the redirect target, or null when the flow did not redirect */
    public String location() {
        return location;
    }

    public List<TestBrowser.SetCookie> setCookies() {
        return setCookies;
    }

    /** @return true when the flow wrote anything at all */
    public boolean answered() {
        return status != 0;
    }

    // ---- WebExchange

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String contextPath() {
        return container.contextPath();
    }

    @Override
    public String origin() {
        return container.origin();
    }

    @Override
    public String queryString() {
        return query;
    }

    @Override
    public String parameter(String name) {
        return parameters.get(name);
    }

    @Override
    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public Optional<String> cookie(String name) {
        return browser.cookie(name);
    }

    @Override
    public void setCookie(String name, String value, Duration maxAge) {
        TestBrowser.SetCookie set = new TestBrowser.SetCookie(name, value, maxAge, secure);
        setCookies.add(set);
        browser.apply(set);
    }

    @Override
    public WebSession session(boolean create) {
        if (session != null && !session.valid()) {
            session = null;
        }
        if (session == null && create) {
            session = container.newSession();
            browser.cookie(TestContainer.SESSION_COOKIE, session.id());
        }
        return session;
    }

    @Override
    public void changeSessionId() {
        if (session == null || !session.valid()) {
            throw new IllegalStateException("no session to change the id of");
        }
        browser.cookie(TestContainer.SESSION_COOKIE, container.changeId(session));
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public void redirect(String target) {
        ensureUnanswered();
        status = 302;
        location = target;
    }

    @Override
    public void respond(int responseStatus, String responseContentType, String responseBody,
                        Map<String, String> headersToSend) {
        ensureUnanswered();
        status = responseStatus;
        contentType = responseContentType;
        body = responseBody;
        responseHeaders.putAll(headersToSend);
    }

    /** A response is written once; a second write would be a bug in the flow. */
    private void ensureUnanswered() {
        if (status != 0) {
            throw new IllegalStateException("response already written");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
