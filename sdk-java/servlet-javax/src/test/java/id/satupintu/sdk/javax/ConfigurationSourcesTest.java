package id.satupintu.sdk.javax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import javax.servlet.FilterConfig;
import javax.servlet.ServletContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source wins, read through a real Tomcat's servlet context. */
class ConfigurationSourcesTest {

    private static final String WAR_FILE = """
            satupintu.issuer=https://war.example
            satupintu.client-id=from-war
            satupintu.client-secret=war-secret
            satupintu.role-claim=war-roles
            """;

    @TempDir
    Path folder;

    @Test
    void readWhenOnlyWebInfFileThenItsValues() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", WAR_FILE).start()) {
            SatuPintuConfig config = ConfigurationSources.read(filterConfig(app, Map.of()), Map.of());
            assertThat(config.issuer()).hasToString("https://war.example");
            assertThat(config.clientId()).isEqualTo("from-war");
        }
    }

    @Test
    void readWhenInitParamsSetThenTheyOverrideWarFileAndOthersAreIgnored() throws Exception {
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", WAR_FILE).start()) {
            SatuPintuConfig config = ConfigurationSources.read(filterConfig(app,
                    Map.of("satupintu.client-id", "from-init-param", "unrelated", "x")), Map.of());
            assertThat(config.clientId()).isEqualTo("from-init-param");
            assertThat(config.issuer()).hasToString("https://war.example");
        }
    }

    @Test
    void readWhenExternalFileNamedByContextParameterThenItOverridesInitParamsAndWarFile() throws Exception {
        Path external = folder.resolve("deployment.properties");
        Files.writeString(external, "satupintu.issuer=https://deployment.example\nsatupintu.client-id=from-deployment\n");
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", WAR_FILE)
                .contextParameter("satupintu.config", external.toString()).start()) {
            SatuPintuConfig config = ConfigurationSources.read(filterConfig(app,
                    Map.of("satupintu.client-id", "from-init-param")), Map.of());
            assertThat(config.issuer()).hasToString("https://deployment.example");
            assertThat(config.clientId()).isEqualTo("from-deployment");
            assertThat(config.roleClaim()).as("what the deployment leaves out stays").isEqualTo("war-roles");
        }
    }

    @Test
    void readWhenExternalFileNamedByEnvironmentAndVariablesSetThenVariablesWinOverEverything() throws Exception {
        Path external = folder.resolve("deployment.properties");
        Files.writeString(external, "satupintu.issuer=https://deployment.example\n");
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", WAR_FILE).start()) {
            SatuPintuConfig config = ConfigurationSources.read(filterConfig(app, Map.of()), Map.of(
                    "SATUPINTU_CONFIG", external.toString(), "SATUPINTU_CLIENT_ID", "from-env"));
            assertThat(config.issuer()).hasToString("https://deployment.example");
            assertThat(config.clientId()).isEqualTo("from-env");
        }
    }

    @Test
    void readWhenNamedFileMissingThenConfigurationFailureNamingIt() throws Exception {
        Path missing = folder.resolve("missing.properties");
        try (TestApp app = TestApp.builder().webInfFile("satupintu.properties", WAR_FILE)
                .contextParameter("satupintu.config", missing.toString()).withoutInitializer().start()) {
            assertThatThrownBy(() -> ConfigurationSources.read(filterConfig(app, Map.of()), Map.of()))
                    .isInstanceOfSatisfying(SatuPintuException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                    .hasMessageContaining(missing.toString());
        }
    }

    @Test
    void readWhenNothingConfiguredThenConfigurationFailure() throws Exception {
        try (TestApp app = TestApp.builder().start()) {
            assertThatThrownBy(() -> ConfigurationSources.read(filterConfig(app, Map.of()), Map.of()))
                    .isInstanceOfSatisfying(SatuPintuException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                    .hasMessageContaining("satupintu.issuer");
        }
    }

    @Test
    void presentWhenNoSourceThenFalseAndWhenEnvironmentIssuerThenTrue() throws Exception {
        try (TestApp app = TestApp.builder().start()) {
            assertThat(ConfigurationSources.present(app.servletContext(), Map.of())).isFalse();
            assertThat(ConfigurationSources.present(app.servletContext(),
                    Map.of("SATUPINTU_ISSUER", "https://idp.example"))).isTrue();
            assertThat(ConfigurationSources.present(app.servletContext(),
                    Map.of("SATUPINTU_CONFIG", "/etc/app/satupintu.properties"))).isTrue();
        }
    }

    /** The filter's configuration as a container hands it over: a name, init-params, the servlet context. */
    private static FilterConfig filterConfig(TestApp app, Map<String, String> initParameters) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "SatuPintuFilter";
            }

            @Override
            public ServletContext getServletContext() {
                return app.servletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return initParameters.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParameters.keySet());
            }
        };
    }
}
