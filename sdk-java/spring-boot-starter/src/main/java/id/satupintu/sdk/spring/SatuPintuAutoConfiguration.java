package id.satupintu.sdk.spring;

import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.jakarta.SatuPintuFilter;
import id.satupintu.sdk.token.AccessTokenVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Single sign-on for a Spring Boot servlet application from {@code satupintu.*} properties alone.
 *
 * <ul>
 *   <li>Nothing happens until {@code satupintu.issuer} is set, so adding the dependency is harmless.</li>
 *   <li>Browser sign-on (OpenID Connect Core 1.0 §3.1, authorization-code flow): the Jakarta adapter's
 *       {@link SatuPintuFilter} on {@code /*}, when {@code satupintu.client-id} is set and
 *       {@code satupintu.browser-login.enabled} is not {@code false}.</li>
 *   <li>Resource server (RFC 6750): {@link BearerTokenFilter} on {@code satupintu.resource-server.paths}
 *       when {@code satupintu.resource-server.enabled=true}. Those paths are added to the browser filter's
 *       public paths: an API caller must never be redirected to a login page.</li>
 * </ul>
 *
 * <p>Both filters are registered at the highest precedence, the browser filter first, so they run before
 * Spring Security's filter chain (order -100) when it is present: Spring Security then sees
 * {@code getUserPrincipal()} and {@code getRemoteUser()} already answered. Every bean backs off when the
 * application declares its own (same type, or for the registrations the same bean name).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "satupintu", name = "issuer")
@EnableConfigurationProperties(SatuPintuProperties.class)
public class SatuPintuAutoConfiguration {

    /** Bean name of the browser sign-on filter's registration; declare a bean with this name to replace it. */
    public static final String BROWSER_FILTER_REGISTRATION = "satuPintuFilterRegistration";
    /** Bean name of the bearer filter's registration; declare a bean with this name to replace it. */
    public static final String BEARER_FILTER_REGISTRATION = "satuPintuBearerFilterRegistration";

    /** @throws id.satupintu.sdk.SatuPintuException at startup, naming every missing or malformed key */
    @Bean
    @ConditionalOnMissingBean
    public SatuPintuConfig satuPintuConfig(SatuPintuProperties properties) {
        Map<String, String> settings = new LinkedHashMap<>(properties.sdkSettings());
        if (properties.resourceServer().enabled()) {
            settings.put("satupintu.public-paths", withApiPaths(settings.get("satupintu.public-paths"),
                    properties.resourceServer().paths()));
        }
        return SatuPintuConfig.from(settings);
    }

    /** Closed with the context (it is {@link AutoCloseable}), which releases its HTTP client. */
    @Bean
    @ConditionalOnMissingBean
    public SatuPintuClient satuPintuClient(SatuPintuConfig config) {
        return SatuPintuClient.create(config);
    }

    private static String withApiPaths(String publicPaths, List<String> apiPaths) {
        List<String> all = new ArrayList<>();
        if (publicPaths != null) {
            all.add(publicPaths);
        }
        all.addAll(apiPaths);
        return String.join(",", all);
    }

    /** The browser sign-on filter. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SatuPintuFilter.class)
    @ConditionalOnProperty(prefix = "satupintu", name = "client-id")
    @ConditionalOnBooleanProperty(name = "satupintu.browser-login.enabled", matchIfMissing = true)
    static class BrowserLoginConfiguration {

        @Bean(name = BROWSER_FILTER_REGISTRATION)
        @ConditionalOnMissingBean(name = BROWSER_FILTER_REGISTRATION)
        FilterRegistrationBean<SatuPintuFilter> satuPintuFilterRegistration(SatuPintuConfig config) {
            FilterRegistrationBean<SatuPintuFilter> registration = new FilterRegistrationBean<>(new SatuPintuFilter(config));
            registration.setName("satupintu");
            // The filter itself decides which paths are protected (satupintu.protected-paths), and it must
            // also see the callback and logout paths, so it is mapped to everything.
            registration.addUrlPatterns("/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** The bearer access-token filter for APIs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "satupintu.resource-server.enabled")
    static class ResourceServerConfiguration {

        /** Shares the client's JWKS cache, so browser sign-on and API checks fetch the keys once. */
        @Bean
        @ConditionalOnMissingBean
        AccessTokenVerifier satuPintuAccessTokenVerifier(SatuPintuClient client) {
            return client.accessTokenVerifier();
        }

        @Bean(name = BEARER_FILTER_REGISTRATION)
        @ConditionalOnMissingBean(name = BEARER_FILTER_REGISTRATION)
        FilterRegistrationBean<BearerTokenFilter> satuPintuBearerFilterRegistration(
                AccessTokenVerifier verifier, SatuPintuConfig config, SatuPintuProperties properties) {
            SatuPintuProperties.ResourceServer settings = properties.resourceServer();
            FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                    new BearerTokenFilter(verifier, settings.requiredScopes(), config.roleClaim()));
            registration.setName("satupintu-bearer");
            registration.setUrlPatterns(settings.paths());
            // After the browser filter: for API paths that one only passes the request on (they are public
            // to it), and this wrapper, being the inner one, is what the application sees.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
