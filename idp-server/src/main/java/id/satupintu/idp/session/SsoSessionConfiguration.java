package id.satupintu.idp.session;

import id.satupintu.idp.session.store.redis.RedisSsoSessions;
import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.config.ConfigureRedisAction;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The single sign-on session lives in Redis when Redis is configured, so any node behind the load
 * balancer serves any citizen and a node can stop without signing anyone out. Spring Session's
 * repository gives every session key a TTL (the 30-minute idle timeout plus five minutes). Without
 * Redis (the quickstart) the servlet container keeps sessions in memory
 * ({@link ContainerSsoSessionConfiguration}).
 *
 * <p>The repository is the <em>indexed</em> one: it also keeps, per principal name, the set of that
 * principal's session ids, which is how {@link SsoSessions} ends every session of a citizen at once
 * (Spring Session reference, "FindByIndexNameSessionRepository"). The index entry of a session that
 * merely times out is removed when Redis notifies its expiry, so the repository needs Redis keyspace
 * notifications ({@code notify-keyspace-events Egx}). By default it switches them on itself with
 * {@code CONFIG SET} at startup. Managed Redis services (AWS ElastiCache, Azure Cache for Redis,
 * Google Memorystore) refuse {@code CONFIG}: there operators set the parameter in the service's
 * configuration and set {@code satupintu.session.redis.configure-keyspace-notifications=false}, which
 * declares {@link ConfigureRedisAction#NO_OP}. Without notifications at all, sessions still expire and
 * ending sessions still works (the index is only read through live sessions), but index entries of
 * timed-out sessions accumulate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisConfigured
@EnableRedisIndexedHttpSession(maxInactiveIntervalInSeconds = 1800, redisNamespace = "satupintu:session")
public class SsoSessionConfiguration {

    /** The same cookie as the container session of the quickstart: HttpOnly, SameSite=Lax. */
    @Bean
    CookieSerializer ssoSessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("SATUPINTU_SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    @Bean
    SsoSessions redisSsoSessions(RedisIndexedSessionRepository sessionRepository) {
        return new RedisSsoSessions(sessionRepository);
    }

    /** For Redis services that forbid {@code CONFIG}; see the class comment. */
    @Bean
    @ConditionalOnProperty(name = "satupintu.session.redis.configure-keyspace-notifications", havingValue = "false")
    ConfigureRedisAction keyspaceNotificationsConfiguredByOperator() {
        return ConfigureRedisAction.NO_OP;
    }
}
