package id.satupintu.idp.oidc;

import java.time.Clock;
import java.util.Set;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.idp.oidc.claims.ClaimsParameterValidator;
import id.satupintu.idp.oidc.logout.RpInitiatedLogoutFailureHandler;
import id.satupintu.idp.oidc.logout.RpInitiatedLogoutHandler;
import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.oidc.keys.JwksEndpointFilter;
import id.satupintu.idp.keys.KeyRingCache;
import id.satupintu.idp.keys.PublishedKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OidcClientRegistrationEndpointConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The OpenID Connect / OAuth 2 endpoints: Spring Security's authorization server, extended through
 * its configurers (pairwise subjects, {@code iss} in responses, freshness of sign-in, discovery,
 * cached JWKS, dynamic registration). Everything else (login, consent, pages) is in
 * {@link id.satupintu.idp.web.WebSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerSecurityConfiguration {

    @Bean
    AuthorizationServerSettings authorizationServerSettings(SatuPintuProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, AuthorizationServerSettings settings,
            AuthorizationResponseRedirects responses, CitizenUserInfoMapper userInfoMapper,
            Customizer<OidcClientRegistrationEndpointConfigurer> clientRegistration, KeyRingCache keys,
            PairwiseSubjects pairwiseSubjects,
            RegisteredClientRepository clients, AuditLog audit, ReplayCache replays, SatuPintuProperties properties,
            ActiveCitizenTokenGuard activeCitizens, RpInitiatedLogoutHandler rpInitiatedLogout,
            RpInitiatedLogoutFailureHandler rpInitiatedLogoutRefused) throws Exception {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        ClientAssertionDecoderFactory clientAssertions = new ClientAssertionDecoderFactory(replays);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server
                .clientAuthentication(clientAuthentication -> clientAuthentication
                        .errorResponseHandler(AuditedErrorResponses.forClientRequests("token.rejected", audit))
                        .authenticationProviders(providers -> providers.forEach(provider -> {
                            if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
                                assertions.setJwtDecoderFactory(clientAssertions);
                            }
                        })))
                .authorizationEndpoint(endpoint -> endpoint
                        .consentPage("/consent")
                        .authenticationProviders(providers -> providers.forEach(provider -> {
                            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider requests) {
                                requests.setAuthorizationConsentRequired(new ConsentRequirement());
                                requests.setAuthenticationValidator(ClaimsParameterValidator.afterSpringDefaults());
                            }
                        }))
                        .authorizationResponseHandler(responses)
                        .errorResponseHandler(responses))
                .tokenEndpoint(token -> token
                        .authenticationProviders(activeCitizens.aroundCitizenGrants())
                        .errorResponseHandler(AuditedErrorResponses.forClientRequests("token.rejected", audit)))
                .tokenIntrospectionEndpoint(introspection -> introspection
                        .errorResponseHandler(AuditedErrorResponses.forClientRequests("introspection.rejected", audit)))
                .tokenRevocationEndpoint(revocation -> revocation
                        .errorResponseHandler(AuditedErrorResponses.forClientRequests("revocation.rejected", audit)))
                .authorizationServerMetadataEndpoint(metadata -> metadata
                        .authorizationServerMetadataCustomizer(b -> b.claims(ProviderMetadata::applyOAuthMetadata)))
                .oidc(oidc -> oidc
                        .providerConfigurationEndpoint(discovery -> discovery
                                .providerConfigurationCustomizer(b -> b.claims(ProviderMetadata::applyOpenIdMetadata)))
                        .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(userInfoMapper)
                                .errorResponseHandler(AuditedErrorResponses.forBearerRequests("userinfo.rejected", audit)))
                        .clientRegistrationEndpoint(clientRegistration)
                        // RP-initiated logout ends the whole SSO session: single logout (SsoLogout)
                        .logoutEndpoint(logout -> logout.logoutResponseHandler(rpInitiatedLogout)
                                .errorResponseHandler(rpInitiatedLogoutRefused)));
        });
        http.authorizeHttpRequests(authorize -> authorize
                // the freshness filter below decides who must sign in; it runs after this check
                .requestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(settings.getAuthorizationEndpoint())).permitAll()
                .anyRequest().authenticated());
        http.addFilterAfter(new AuthorizationRequestRulesFilter(settings.getAuthorizationEndpoint(), responses, clients),
                AuthorizationFilter.class);
        IdTokenHintVerifier idTokenHints = new IdTokenHintVerifier(new PublishedKeys(keys), properties.issuer(), pairwiseSubjects);
        http.addFilterAfter(new AuthenticationFreshnessFilter(settings.getAuthorizationEndpoint(), login, responses,
                idTokenHints, clients, Clock.systemUTC()), AuthorizationFilter.class);
        http.addFilterAfter(new SingleValuedParametersFilter(Set.of(settings.getTokenEndpoint(),
                settings.getTokenIntrospectionEndpoint(), settings.getTokenRevocationEndpoint()), audit),
                SecurityContextHolderFilter.class);
        http.addFilterAfter(new JwksEndpointFilter(settings.getJwkSetEndpoint(), keys, properties.jwksMaxAge()),
                SecurityContextHolderFilter.class);
        http.oauth2ResourceServer(resourceServer -> resourceServer
                .authenticationEntryPoint(new AuditedBearerTokenEntryPoint(audit)));
        // browsers are sent to sign in; API callers (no Accept, or */*) get 401 from the bearer entry point
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(login, browsers));
        return http.build();
    }
}
