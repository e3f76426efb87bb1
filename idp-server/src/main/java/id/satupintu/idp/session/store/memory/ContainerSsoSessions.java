package id.satupintu.idp.session.store.memory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import id.satupintu.idp.session.SsoSessions;

/**
 * The quickstart's sessions are the servlet container's, which cannot be looked up by who signed in.
 * This listener keeps that index itself (Jakarta Servlet 6 §11.2 session listeners; Spring Boot
 * registers listener beans with the embedded container): a session enters it when Spring Security
 * stores a security context in it, follows it through a session id change (fixation protection on
 * sign-in) and leaves it when it ends. Only signed-in sessions are indexed.
 *
 * <p>One node only, by nature: with several nodes the sessions live in Redis and
 * {@link id.satupintu.idp.session.store.redis.RedisSsoSessions} is used instead.
 */
public class ContainerSsoSessions implements SsoSessions, HttpSessionListener, HttpSessionIdListener,
        HttpSessionAttributeListener {

    static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private record Indexed(HttpSession session, String principal) {
    }

    private final Map<String, Indexed> byId = new HashMap<>();
    private final Map<String, Set<String>> idsByPrincipal = new HashMap<>();

    @Override
    public int endAllFor(String principalName) {
        List<HttpSession> toEnd;
        synchronized (this) {
            Set<String> ids = idsByPrincipal.remove(principalName);
            if (ids == null) {
                return 0;
            }
            toEnd = ids.stream().map(byId::remove).filter(java.util.Objects::nonNull).map(Indexed::session).toList();
        }
        int ended = 0;
        // outside the lock: invalidation calls back into sessionDestroyed
        for (HttpSession session : toEnd) {
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalidated) {
                // ended meanwhile (sign-out, timeout): nothing left to do
            }
        }
        return ended;
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (SECURITY_CONTEXT.equals(event.getName())) {
            index(event.getSession());
        }
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        attributeAdded(event);
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (SECURITY_CONTEXT.equals(event.getName())) {
            forget(event.getSession().getId());
        }
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        boolean wasIndexed;
        synchronized (this) {
            wasIndexed = forget(oldSessionId);
        }
        if (wasIndexed) {
            index(event.getSession());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession().getId());
    }

    private void index(HttpSession session) {
        String principal = principalOf(session);
        synchronized (this) {
            forget(session.getId());
            if (principal != null) {
                byId.put(session.getId(), new Indexed(session, principal));
                idsByPrincipal.computeIfAbsent(principal, p -> new HashSet<>()).add(session.getId());
            }
        }
    }

    /** @return whether the session was indexed */
    private synchronized boolean forget(String sessionId) {
        Indexed indexed = byId.remove(sessionId);
        if (indexed == null) {
            return false;
        }
        Set<String> ids = idsByPrincipal.get(indexed.principal());
        if (ids != null) {
            ids.remove(sessionId);
            if (ids.isEmpty()) {
                idsByPrincipal.remove(indexed.principal());
            }
        }
        return true;
    }

    private static String principalOf(HttpSession session) {
        try {
            Object context = session.getAttribute(SECURITY_CONTEXT);
            Authentication authentication = context instanceof SecurityContext security
                    ? security.getAuthentication() : null;
            return authentication != null && authentication.isAuthenticated() ? authentication.getName() : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
