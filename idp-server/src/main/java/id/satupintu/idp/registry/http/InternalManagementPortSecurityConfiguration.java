package id.satupintu.idp.registry.http;

import jakarta.servlet.ServletContext;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Operators' access to actuator endpoints (health details, registry circuit-breaker metrics) on an
 * <em>internal</em> management port: when {@code management.server.port} differs from the server port,
 * requests that arrive on the management server (its own servlet context) pass without a session or
 * sign-in, stateless. Which endpoints exist there is {@code management.endpoints.web.exposure.include};
 * who can reach the port is the network's job ({@code management.server.address}, firewall): see
 * README.md, "Population registry over HTTP", Health and metrics. Without a separate management
 * port this chain does not exist and the public port exposes only health.
 *
 * <p>Spring Boot applies the application's security filter chains to the management server too;
 * without this chain, the citizen pages' chain would send a monitoring system to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
public class InternalManagementPortSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain internalManagementPortFilterChain(HttpSecurity http, ServletContext applicationServletContext)
            throws Exception {
        http.securityMatcher(request -> request.getServletContext() != applicationServletContext)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
