package id.satupintu.idp.saml;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import id.satupintu.idp.citizen.login.CitizenLoginConfigurer;
import id.satupintu.idp.saml.sso.SsoPaths;

/**
 * The one security filter chain of {@value SamlPaths#ALL}, shared by metadata, SSO and SLO:
 * <ul>
 * <li>metadata, the SSO and SLO endpoints and IdP-initiated SSO are open: a SAML message is
 *     authenticated by its own checks (issuer, signature, destination, one-time ID), not by a
 *     cookie;</li>
 * <li>CSRF protection is off for the SSO and SLO endpoints only, whose HTTP-POST binding is a
 *     cross-site form post by design (SAML Bindings §3.5) and whose messages are validated instead;
 *     the citizen's consent decision keeps its CSRF token;</li>
 * <li>the SSO continuation and consent need a signed-in citizen: a browser without one is sent to
 *     {@code /login}, and comes back to the continuation after signing in (saved request).</li>
 * </ul>
 * The SSO session (security context and cookie) is the same as the citizen pages' and OIDC's.
 */
@Configuration(proxyBeanMethods = false)
public class SamlSecurityConfiguration {

    /** Same page policy as the citizen pages: no inline script, no framing. Form posts to SPs are allowed. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain samlFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher samlEndpoints = new OrRequestMatcher(paths.matcher(SamlPaths.SSO), paths.matcher(SamlPaths.SLO),
                paths.matcher(SamlPaths.SLO + "/**"));
        http.securityMatcher(paths.matcher(SamlPaths.ALL))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(paths.matcher(SsoPaths.CONTINUE), paths.matcher(SsoPaths.CONSENT)).authenticated()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(samlEndpoints))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint(CitizenLoginConfigurer.LOGIN_PAGE)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
