package id.satupintu.idp.session;

import id.satupintu.idp.store.ConditionalOnRedisConfigured;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The single sign-on session lives in Redis when Redis is configured, so any node behind the load
 * balancer serves any citizen and a node can stop without signing anyone out. Spring Session's
 * repository gives every session key a TTL equal to the idle timeout (30 minutes). Without Redis
 * (the quickstart) the servlet container keeps sessions in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisConfigured
@EnableRedisHttpSession(maxInactiveIntervalInSeconds = 1800, redisNamespace = "satupintu:session")
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
}
