package id.satupintu.sdk.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory servlet container for one application: its origin, context path and HTTP sessions. A test
 * double of the servlet API for the framework-free flow (the real containers are tested by the adapters).
 * Session attributes are copied through Java serialization on every write, as a replicating or persisting
 * container would, so anything the SDK keeps there must survive it.
 */
public final class TestContainer {

    static final String SESSION_COOKIE = "JSESSIONID";

    private final String origin;
    private final String contextPath;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public TestContainer(String origin, String contextPath) {
        this.origin = origin;
        this.contextPath = contextPath;
    }

    public String origin() {
        return origin;
    }

    public String contextPath() {
        return contextPath;
    }

    /** A request of this browser to this application; {@code target} is the path within it plus query. */
    public TestExchange request(TestBrowser browser, String method, String target) {
        return new TestExchange(this, browser, method, target);
    }

    public TestExchange get(TestBrowser browser, String target) {
        return request(browser, "GET", target).header("Accept", "text/html,application/xhtml+xml");
    }

    Optional<Session> session(String id) {
        return Optional.ofNullable(id).map(sessions::get);
    }

    Session newSession() {
        Session session = new Session(UUID.randomUUID().toString());
        sessions.put(session.id, session);
        return session;
    }

    String changeId(Session session) {
        sessions.remove(session.id);
        session.id = UUID.randomUUID().toString();
        sessions.put(session.id, session);
        return session.id;
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** One HTTP session. */
    final class Session implements WebSession {

        private volatile String id;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        private Session(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Object attribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void attribute(String name, Object value) {
            attributes.put(name, copy(value));
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }

        @Override
        public void invalidate() {
            sessions.remove(id);
            attributes.clear();
        }

        boolean valid() {
            return sessions.get(id) == this;
        }
    }

    private static Object copy(Object value) {
        if (!(value instanceof Serializable)) {
            throw new IllegalArgumentException("session attribute is not Serializable: " + value.getClass());
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("session attribute does not serialize", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
