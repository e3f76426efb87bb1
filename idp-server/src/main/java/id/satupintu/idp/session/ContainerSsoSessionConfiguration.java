package id.satupintu.idp.session;

import id.satupintu.idp.session.store.memory.ContainerSsoSessions;
import id.satupintu.idp.store.ConditionalOnRedisMissing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without Redis (the quickstart, one node) the servlet container keeps the SSO sessions; the
 * {@link ContainerSsoSessions} listener bean, which Spring Boot registers with the embedded
 * container, indexes them by principal so they can be ended together.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedisMissing
public class ContainerSsoSessionConfiguration {

    @Bean
    ContainerSsoSessions containerSsoSessions() {
        return new ContainerSsoSessions();
    }
}
