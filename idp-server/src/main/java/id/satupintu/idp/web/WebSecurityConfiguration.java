package id.satupintu.idp.web;

import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.citizen.enrollment.EnrollmentPaths;
import id.satupintu.idp.citizen.login.CitizenLoginConfigurer;
import id.satupintu.idp.oidc.AuditedBearerTokenEntryPoint;
import id.satupintu.idp.session.logout.SignOutHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security of everything outside the protocol endpoints: the administrators' API (bearer tokens
 * from this server) and the citizens' pages (sign-in, consent, errors).
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    /** Content-Security-Policy of every page: no inline script, no framing (clickjacking). */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain adminApiFilterChain(HttpSecurity http, AuditLog audit) throws Exception {
        http.securityMatcher("/admin/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().hasAuthority("SCOPE_agency.admin"))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(new AuditedBearerTokenEntryPoint(audit)))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    audit.record(AuditEvent.failure("admin.access_denied", "", null, request.getRemoteAddr(),
                            Map.of("path", request.getRequestURI())));
                    new BearerTokenAccessDeniedHandler().handle(request, response, denied);
                }))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens, no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain citizenPagesFilterChain(HttpSecurity http, CitizenLoginConfigurer citizenLogin,
            SignOutHandlers signOut) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(CitizenLoginConfigurer.PUBLIC_PATHS).permitAll()
                        .requestMatchers(EnrollmentPaths.PUBLIC_PATHS).permitAll()
                        .requestMatchers("/error/**", "/img/**", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(SignOutHandlers.LOGGED_OUT_PAGE).permitAll()
                        .anyRequest().authenticated());
        citizenLogin.configure(http);
        // protocol paths the authorization server did not claim (GET on the token endpoint, say) are
        // API calls gone wrong: answer 401, never a sign-in page
        AuthenticationEntryPoint entryPoint = DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/oauth2/**"))
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint(CitizenLoginConfigurer.LOGIN_PAGE))
                .build();
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        // single logout: SAML SPs through the browser, OIDC clients over the back channel (SsoLogout)
        http.logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signOut.endSession())
                        .logoutSuccessHandler(signOut.propagate()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
