package id.satupintu.sdk.javax;

import id.satupintu.sdk.web.WebSession;
import javax.servlet.http.HttpSession;

/** The container's {@link HttpSession} as the sign-on flow sees it. */
final class ServletSession implements WebSession {

    private final HttpSession session;

    ServletSession(HttpSession session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public Object attribute(String name) {
        return session.getAttribute(name);
    }

    @Override
    public void attribute(String name, Object value) {
        session.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        session.removeAttribute(name);
    }

    @Override
    public void invalidate() {
        session.invalidate();
    }
}
