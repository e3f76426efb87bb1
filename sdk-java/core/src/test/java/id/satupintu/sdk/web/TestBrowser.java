package id.satupintu.sdk.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A browser's cookie jar: what it sends with every request and what responses set. */
public final class TestBrowser {

    /** What a response set for one cookie, for asserting its attributes. */
    public record SetCookie(String name, String value, Duration maxAge, boolean secure) {
    }

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void cookie(String name, String value) {
        cookies.put(name, value);
    }

    void apply(SetCookie set) {
        if (Duration.ZERO.equals(set.maxAge())) {
            cookies.remove(set.name());
        } else {
            cookies.put(set.name(), set.value());
        }
    }

    /** The same browser with its own copy of the cookies: a second tab of a private window, or a thief. */
    public TestBrowser copy() {
        TestBrowser copy = new TestBrowser();
        copy.cookies.putAll(cookies);
        return copy;
    }
}
