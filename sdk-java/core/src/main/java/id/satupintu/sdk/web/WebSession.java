package id.satupintu.sdk.web;

/** The container's HTTP session, as far as the sign-on logic needs it. */
public interface WebSession {

    String id();

    Object attribute(String name);

    void attribute(String name, Object value);

    void removeAttribute(String name);

    void invalidate();
}
