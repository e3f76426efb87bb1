package id.satupintu.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuClient;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.jakarta.SatuPintuFilter;
import id.satupintu.sdk.token.AccessTokenVerifier;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which beans the starter creates for which {@code satupintu.*} settings, and how they bind. The issuer is
 * never contacted: creating the client reads discovery lazily.
 */
class SatuPintuAutoConfigurationTest {

    private static final String ISSUER = "satupintu.issuer=http://127.0.0.1:9/";
    private static final String CLIENT_ID = "satupintu.client-id=kependudukan-portal";
    private static final String CLIENT_SECRET = "satupintu.client-secret=s3cret-value-for-tests";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SatuPintuAutoConfiguration.class));

    @Test
    void autoConfigurationWhenIssuerMissingThenNoBeans() {
        web.withPropertyValues(CLIENT_ID, CLIENT_SECRET).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SatuPintuConfig.class);
            assertThat(context).doesNotHaveBean(SatuPintuClient.class);
            assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
        });
    }

    @Test
    void autoConfigurationWhenNotAWebApplicationThenNoBeans() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SatuPintuAutoConfiguration.class))
                .withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET)
                .run(context -> assertThat(context).doesNotHaveBean(SatuPintuClient.class));
    }

    @Test
    void autoConfigurationWhenIssuerAndClientSetThenBrowserFilterFirstOnEveryPath() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET).run(context -> {
            assertThat(context).hasNotFailed();
            SatuPintuConfig config = context.getBean(SatuPintuConfig.class);
            assertThat(config.issuer().toString()).startsWith("http://127.0.0.1:9");
            assertThat(config.clientId()).isEqualTo("kependudukan-portal");
            assertThat(context).hasSingleBean(SatuPintuClient.class);
            FilterRegistrationBean<?> registration = registration(context.getBean(
                    SatuPintuAutoConfiguration.BROWSER_FILTER_REGISTRATION));
            assertThat(registration.getFilter()).isInstanceOf(SatuPintuFilter.class);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
            assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
            assertThat(context).doesNotHaveBean(SatuPintuAutoConfiguration.BEARER_FILTER_REGISTRATION);
        });
    }

    @Test
    void autoConfigurationWhenBrowserLoginDisabledThenNoBrowserFilter() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET, "satupintu.browser-login.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(SatuPintuClient.class);
                    assertThat(context).doesNotHaveBean(SatuPintuAutoConfiguration.BROWSER_FILTER_REGISTRATION);
                });
    }

    @Test
    void autoConfigurationWhenIssuerSetButClientIdMissingThenStartupFailsNamingTheKey() {
        // an application that asked for sign-on must never start unprotected because a key is missing
        web.withPropertyValues(ISSUER).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("satupintu.client-id");
        });
    }

    @Test
    void autoConfigurationWhenResourceServerEnabledThenBearerFilterOnApiPathsAfterBrowserFilter() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET, "satupintu.resource-server.enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(AccessTokenVerifier.class);
                    FilterRegistrationBean<?> bearer = registration(context.getBean(
                            SatuPintuAutoConfiguration.BEARER_FILTER_REGISTRATION));
                    assertThat(bearer.getFilter()).isInstanceOf(BearerTokenFilter.class);
                    assertThat(bearer.getUrlPatterns()).containsExactly("/api/*");
                    assertThat(bearer.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
                    // the browser filter must let API calls through to the bearer filter, never redirect them
                    assertThat(context.getBean(SatuPintuConfig.class).publicPaths()).contains("/api/*");
                });
    }

    @Test
    void autoConfigurationWhenResourceServerPathsAndScopesSetThenBound() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET, "satupintu.resource-server.enabled=true",
                        "satupintu.resource-server.paths=/v1/*,/v2/*", "satupintu.resource-server.required-scopes=pajak.read",
                        "satupintu.public-paths=/health")
                .run(context -> {
                    SatuPintuProperties properties = context.getBean(SatuPintuProperties.class);
                    assertThat(properties.resourceServer().requiredScopes()).containsExactly("pajak.read");
                    assertThat(registration(context.getBean(SatuPintuAutoConfiguration.BEARER_FILTER_REGISTRATION))
                            .getUrlPatterns()).containsExactly("/v1/*", "/v2/*");
                    assertThat(context.getBean(SatuPintuConfig.class).publicPaths())
                            .containsExactlyInAnyOrder("/health", "/v1/*", "/v2/*");
                });
    }

    @Test
    void autoConfigurationWhenResourceServerDisabledThenNoBearerFilterAndApiStaysProtected() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET).run(context -> {
            assertThat(context).doesNotHaveBean(AccessTokenVerifier.class);
            assertThat(context.getBean(SatuPintuConfig.class).publicPaths()).doesNotContain("/api/*");
        });
    }

    @Test
    void autoConfigurationWhenSettingsInEnvironmentVariablesThenBound() {
        web.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                                "SATUPINTU_ISSUER", "http://127.0.0.1:9/",
                                "SATUPINTU_CLIENT_ID", "dari-lingkungan",
                                "SATUPINTU_CLIENT_SECRET", "s3cret-from-env",
                                "SATUPINTU_ROLE_CLAIM", "acr"))))
                .run(context -> {
                    SatuPintuConfig config = context.getBean(SatuPintuConfig.class);
                    assertThat(config.clientId()).isEqualTo("dari-lingkungan");
                    assertThat(config.roleClaim()).isEqualTo("acr");
                });
    }

    @Test
    void autoConfigurationWhenListKeysGivenIndexedAsYamlWouldThenBound() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET, "satupintu.scopes[0]=openid", "satupintu.scopes[1]=email",
                        "satupintu.protected-paths[0]=/admin/*", "satupintu.protected-paths[1]=/akun/*")
                .run(context -> {
                    SatuPintuConfig config = context.getBean(SatuPintuConfig.class);
                    assertThat(config.scopes()).containsExactly("openid", "email");
                    assertThat(config.protectedPaths()).containsExactly("/admin/*", "/akun/*");
                });
    }

    @Test
    void autoConfigurationWhenSettingMalformedThenStartupFailsNamingTheKey() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET, "satupintu.clock-skew=sixty seconds").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(SatuPintuException.class)
                    .hasMessageContaining("satupintu.clock-skew")
                    .satisfies(e -> assertThat(((SatuPintuException) e).failure()).isEqualTo(Failure.CONFIGURATION));
        });
    }

    @Test
    void autoConfigurationWhenApplicationDeclaresItsOwnBeansThenStarterBacksOff() {
        web.withUserConfiguration(OwnBeans.class).withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET).run(context -> {
            assertThat(context.getBean(SatuPintuConfig.class).clientId()).isEqualTo("milik-aplikasi");
            assertThat(context.getBean(SatuPintuAutoConfiguration.BROWSER_FILTER_REGISTRATION))
                    .isSameAs(context.getBean(OwnBeans.class).registration);
        });
    }

    @Test
    void propertiesWhenPrintedThenSecretHidden() {
        web.withPropertyValues(ISSUER, CLIENT_ID, CLIENT_SECRET).run(context -> {
            assertThat(context.getBean(SatuPintuProperties.class).toString()).doesNotContain("s3cret");
            assertThat(context.getBean(SatuPintuProperties.class).sdkSettings())
                    .containsEntry("satupintu.client-secret", "s3cret-value-for-tests")
                    .doesNotContainKey("satupintu.redirect-uri");
        });
    }

    private static FilterRegistrationBean<?> registration(Object bean) {
        return (FilterRegistrationBean<?>) bean;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {

        final FilterRegistrationBean<SatuPintuFilter> registration = new FilterRegistrationBean<>();

        @Bean
        SatuPintuConfig ownConfig() {
            return SatuPintuConfig.from(Map.of("satupintu.issuer", "http://127.0.0.1:9/",
                    "satupintu.client-id", "milik-aplikasi", "satupintu.client-secret", "another-s3cret"));
        }

        @Bean(name = SatuPintuAutoConfiguration.BROWSER_FILTER_REGISTRATION)
        FilterRegistrationBean<SatuPintuFilter> ownRegistration() {
            return registration;
        }
    }

}
