package id.satupintu.idp.citizen.login;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code satupintu.login.throttle.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class CitizenLoginConfiguration {
}
