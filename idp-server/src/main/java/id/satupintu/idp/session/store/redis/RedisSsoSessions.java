package id.satupintu.idp.session.store.redis;

import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import id.satupintu.idp.session.SsoSessions;

/**
 * Ends a citizen's sessions through Spring Session's principal-name index
 * ({@link FindByIndexNameSessionRepository#findByPrincipalName}), which the indexed Redis repository
 * maintains from the security context saved in each session. Every node sees the deletion at once:
 * the session lives only in Redis.
 *
 * <p>Deletion is safe against a request of that session still in flight on another node: Spring
 * Session saves only changed attributes, and the deleted session is marked with a zero idle timeout,
 * so a late save of its last-access time leaves an expired session behind, not a signed-in one.
 */
public class RedisSsoSessions implements SsoSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public RedisSsoSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public int endAllFor(String principalName) {
        Set<String> ids = sessions.findByPrincipalName(principalName).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
