package id.satupintu.idp.oidc.logout;

import java.util.List;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The {@link SessionRegistry} the authorization server is given: one that knows no session.
 *
 * <p>Without a registry bean, Spring's OIDC configuration makes an in-memory one of its own. That one
 * only knows the sessions signed in on this node, so in a cluster the {@code sid} check of RP-initiated
 * logout and the {@code sid} of ID tokens would depend on which node served which request, and at the
 * token endpoint it picks the principal's most recent session, which is another browser's when the
 * citizen is signed in twice. SatuPintu keeps the {@code sid} in the session itself instead
 * ({@link OidcSessionId}, in Redis with the session), puts it in ID tokens through the token
 * customizer and checks it on logout in {@link RpInitiatedLogoutHandler}.
 */
public final class NoSessionRegistry implements SessionRegistry {

    @Override
    public List<Object> getAllPrincipals() {
        return List.of();
    }

    @Override
    public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
        return List.of();
    }

    @Override
    public SessionInformation getSessionInformation(String sessionId) {
        return null;
    }

    @Override
    public void refreshLastRequest(String sessionId) {
        // nothing is kept
    }

    @Override
    public void registerNewSession(String sessionId, Object principal) {
        // nothing is kept: the session store is the registry
    }

    @Override
    public void removeSessionInformation(String sessionId) {
        // nothing is kept
    }
}
