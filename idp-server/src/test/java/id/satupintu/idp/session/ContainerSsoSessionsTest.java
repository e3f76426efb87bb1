package id.satupintu.idp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import id.satupintu.idp.session.store.memory.ContainerSsoSessions;

/**
 * {@link ContainerSsoSessions}, driven by the listener calls a servlet container makes. (The
 * quickstart end-to-end test, {@code RegistryDeathQuickstartTest}, covers the real container.)
 */
class ContainerSsoSessionsTest extends SsoSessionsContract {

    private static final String SECURITY_CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final ContainerSsoSessions listener = new ContainerSsoSessions();
    private final Map<String, MockHttpSession> container = new HashMap<>();

    @Override
    SsoSessions sessions() {
        return listener;
    }

    @Override
    String signedInSession(AuthenticatedCitizen citizen) {
        MockHttpSession session = anonymous();
        session.setAttribute(SECURITY_CONTEXT, securityContextOf(citizen));
        listener.attributeAdded(new HttpSessionBindingEvent(session, SECURITY_CONTEXT, session.getAttribute(SECURITY_CONTEXT)));
        return session.getId();
    }

    @Override
    String anonymousSession() {
        return anonymous().getId();
    }

    private MockHttpSession anonymous() {
        MockHttpSession session = new MockHttpSession();
        listener.sessionCreated(new HttpSessionEvent(session));
        container.put(session.getId(), session);
        return session;
    }

    @Override
    boolean isLive(String sessionId) {
        return !container.get(sessionId).isInvalid();
    }

    @Test
    void endAllForWhenSessionIdChangedOnSignInThenSessionUnderNewIdEnded() {
        AuthenticatedCitizen citizen = citizen();
        String oldId = signedInSession(citizen);
        MockHttpSession session = container.get(oldId);
        String newId = session.changeSessionId();
        listener.sessionIdChanged(new HttpSessionEvent(session), oldId);

        assertThat(sessions().endAllFor(principalName(citizen))).isEqualTo(1);
        assertThat(session.isInvalid()).isTrue();
        assertThat(newId).isNotEqualTo(oldId);
    }

    @Test
    void endAllForWhenSessionAlreadyEndedBySignOutThenNotCounted() {
        AuthenticatedCitizen citizen = citizen();
        String id = signedInSession(citizen);
        container.get(id).invalidate();
        listener.sessionDestroyed(new HttpSessionEvent(container.get(id)));

        assertThat(sessions().endAllFor(principalName(citizen))).isZero();
    }

    @Test
    void endAllForWhenSecurityContextRemovedThenSessionNoLongerTheCitizens() {
        AuthenticatedCitizen citizen = citizen();
        String id = signedInSession(citizen);
        MockHttpSession session = container.get(id);
        Object context = session.getAttribute(SECURITY_CONTEXT);
        session.removeAttribute(SECURITY_CONTEXT);
        listener.attributeRemoved(new HttpSessionBindingEvent(session, SECURITY_CONTEXT, context));

        assertThat(sessions().endAllFor(principalName(citizen))).isZero();
        assertThat(isLive(id)).isTrue();
    }

    @Test
    void endAllForWhenContainerInvalidatedMeanwhileThenNotCounted() {
        AuthenticatedCitizen citizen = citizen();
        String id = signedInSession(citizen);
        container.get(id).invalidate(); // timed out, its destroyed event not yet delivered

        assertThat(sessions().endAllFor(principalName(citizen))).isZero();
    }
}
