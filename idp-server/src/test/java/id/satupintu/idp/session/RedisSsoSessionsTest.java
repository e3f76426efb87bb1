package id.satupintu.idp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository.RedisSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import id.satupintu.idp.session.store.redis.RedisSsoSessions;
import id.satupintu.idp.testsupport.RealStores;

/**
 * {@link RedisSsoSessions} on real Redis. Sessions are created by one repository ("node A") and
 * ended through another on the same Redis ("node B"), as stateless nodes do.
 */
class RedisSsoSessionsTest extends SsoSessionsContract {

    private RedisIndexedSessionRepository nodeA;
    private RedisIndexedSessionRepository nodeB;

    /** Built as Spring Session's {@code RedisIndexedHttpSessionConfiguration} builds it, in a namespace of its own. */
    private static RedisIndexedSessionRepository repository(String namespace) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setConnectionFactory(RealStores.redisConnections());
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.afterPropertiesSet();
        RedisIndexedSessionRepository repository = new RedisIndexedSessionRepository(template);
        repository.setRedisKeyNamespace(namespace);
        repository.setCleanupCron(Scheduled.CRON_DISABLED);
        return repository;
    }

    @BeforeEach
    void twoNodes() {
        String namespace = "satupintu-test:session:" + UUID.randomUUID();
        nodeA = repository(namespace);
        nodeB = repository(namespace);
    }

    @Override
    SsoSessions sessions() {
        return new RedisSsoSessions(nodeB);
    }

    @Override
    String signedInSession(AuthenticatedCitizen citizen) {
        RedisSession session = nodeA.createSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContextOf(citizen));
        nodeA.save(session);
        return session.getId();
    }

    @Override
    String anonymousSession() {
        RedisSession session = nodeA.createSession();
        session.setAttribute("locale", "id");
        nodeA.save(session);
        return session.getId();
    }

    @Override
    boolean isLive(String sessionId) {
        return nodeA.findById(sessionId) != null;
    }

    @Test
    void endAllForWhenRequestInFlightSavesAfterwardsThenSessionStaysEnded() {
        AuthenticatedCitizen citizen = citizen();
        String id = signedInSession(citizen);
        RedisSession inFlight = nodeA.findById(id);

        sessions().endAllFor(principalName(citizen));
        inFlight.setLastAccessedTime(java.time.Instant.now());
        nodeA.save(inFlight);

        assertThat(isLive(id)).as("a late save of the last access does not sign the citizen back in").isFalse();
    }
}
