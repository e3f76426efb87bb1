package id.satupintu.idp.saml.sso;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * Validated requests waiting in the citizen's SSO session while the citizen signs in or decides on
 * consent, each under a random key the continuation URL carries. The request was validated (and its
 * ID used up) once; the continuation never re-reads the SAML message. A session holds at most
 * {@value #MAX_PENDING} (several tabs), the oldest dropped first; every change is written back with
 * {@code setAttribute}, as a session repository only saves attributes that were set.
 */
final class PendingSsoRequests {

    static final String ATTRIBUTE = PendingSsoRequests.class.getName();
    static final int MAX_PENDING = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PendingSsoRequests() {
    }

    /** @return the key under which the request now waits */
    static String keep(HttpSession session, ValidatedAuthnRequest request) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        replace(session, key, request);
        return key;
    }

    /** Replaces the request under an existing key (a forced sign-in was asked for). */
    static void replace(HttpSession session, String key, ValidatedAuthnRequest request) {
        LinkedHashMap<String, ValidatedAuthnRequest> pending = pending(session);
        pending.remove(key);
        pending.put(key, request);
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() > MAX_PENDING) {
            oldest.next();
            oldest.remove();
        }
        session.setAttribute(ATTRIBUTE, pending);
    }

    static Optional<ValidatedAuthnRequest> find(HttpSession session, String key) {
        if (session == null || key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(pending(session).get(key));
    }

    /** Forgets a request once answered, so the same continuation cannot answer twice. */
    static void remove(HttpSession session, String key) {
        LinkedHashMap<String, ValidatedAuthnRequest> pending = pending(session);
        if (pending.remove(key) != null) {
            session.setAttribute(ATTRIBUTE, pending);
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, ValidatedAuthnRequest> pending(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashMap<?, ?> map
                ? new LinkedHashMap<>((LinkedHashMap<String, ValidatedAuthnRequest>) map) : new LinkedHashMap<>();
    }
}
