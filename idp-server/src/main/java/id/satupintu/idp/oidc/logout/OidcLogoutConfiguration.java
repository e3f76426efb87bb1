package id.satupintu.idp.oidc.logout;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;

/** OIDC session management beans; see {@link NoSessionRegistry} for why Spring's registry is replaced. */
@Configuration(proxyBeanMethods = false)
class OidcLogoutConfiguration {

    @Bean
    SessionRegistry sessionRegistry() {
        return new NoSessionRegistry();
    }
}
