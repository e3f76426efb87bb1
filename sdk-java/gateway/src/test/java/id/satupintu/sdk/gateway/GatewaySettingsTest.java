package id.satupintu.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewaySettingsTest {

    private static final Map<String, String> SSO = Map.of("SATUPINTU_ISSUER", "http://localhost:9000",
            "SATUPINTU_CLIENT_ID", "contoh", "SATUPINTU_CLIENT_SECRET", "rahasia-uji");

    @TempDir
    Path folder;

    @Test
    void loadWhenFileGivenThenGatewayAndSsoSettingsRead() throws IOException {
        Path file = write("gateway.upstream=http://127.0.0.1:8000/app/\ngateway.listen-port=9090\n"
                + "gateway.listen-host=127.0.0.1\nsatupintu.issuer=http://localhost:9000\n"
                + "satupintu.client-id=contoh\nsatupintu.client-secret=rahasia-uji\n");

        GatewaySettings settings = GatewaySettings.load(new String[] {"--config", file.toString()}, Map.of());

        assertThat(settings.upstream().toString()).isEqualTo("http://127.0.0.1:8000/app/");
        assertThat(settings.listenPort()).isEqualTo(9090);
        assertThat(settings.listenHost()).isEqualTo("127.0.0.1");
        assertThat(settings.sso().clientId()).isEqualTo("contoh");
    }

    @Test
    void loadWhenEnvironmentSetsKeyThenEnvironmentWinsOverFile() throws IOException {
        Path file = write("gateway.upstream=http://127.0.0.1:8000\ngateway.listen-port=9090\n");
        Map<String, String> environment = new java.util.HashMap<>(SSO);
        environment.put("GATEWAY_LISTEN_PORT", "7070");
        environment.put("SATUPINTU_CONFIG", file.toString());

        GatewaySettings settings = GatewaySettings.load(new String[0], environment);

        assertThat(settings.listenPort()).isEqualTo(7070);
        assertThat(settings.listenHost()).isEqualTo("0.0.0.0");
    }

    @Test
    void loadWhenUpstreamMissingThenErrorNamesKey() {
        assertThatThrownBy(() -> GatewaySettings.load(new String[0], SSO))
                .isInstanceOf(GatewayConfigurationException.class).hasMessageContaining("gateway.upstream is required");
    }

    @Test
    void loadWhenUpstreamNotHttpOrCarriesCredentialsThenRefused() {
        for (String upstream : new String[] {"ftp://127.0.0.1/", "http://user:pw@127.0.0.1/", "not a url", "/relative"}) {
            Map<String, String> environment = new java.util.HashMap<>(SSO);
            environment.put("GATEWAY_UPSTREAM", upstream);
            assertThatThrownBy(() -> GatewaySettings.load(new String[0], environment)).as(upstream)
                    .isInstanceOf(GatewayConfigurationException.class).hasMessageContaining("gateway.upstream must be");
        }
    }

    @Test
    void loadWhenPortAndUpstreamBadThenBothNamed() {
        Map<String, String> environment = new java.util.HashMap<>(SSO);
        environment.put("GATEWAY_LISTEN_PORT", "70000");

        assertThatThrownBy(() -> GatewaySettings.load(new String[0], environment))
                .hasMessageContaining("gateway.listen-port").hasMessageContaining("gateway.upstream");
    }

    @Test
    void loadWhenTrustForwardedHeadersNotBooleanThenNamed() {
        Map<String, String> environment = new java.util.HashMap<>(SSO);
        environment.put("GATEWAY_UPSTREAM", "http://127.0.0.1:8000");
        environment.put("GATEWAY_TRUST_FORWARDED_HEADERS", "yes");

        assertThatThrownBy(() -> GatewaySettings.load(new String[0], environment))
                .hasMessageContaining("gateway.trust-forwarded-headers must be true or false");
    }

    @Test
    void loadWhenTrustForwardedHeadersAbsentThenFalse() {
        Map<String, String> environment = new java.util.HashMap<>(SSO);
        environment.put("GATEWAY_UPSTREAM", "http://127.0.0.1:8000");

        assertThat(GatewaySettings.load(new String[0], environment).trustForwardedHeaders()).isFalse();
    }

    @Test
    void loadWhenConfigFileMissingThenClearError() {
        assertThatThrownBy(() -> GatewaySettings.load(new String[] {"--config", folder.resolve("nope.properties").toString()}, SSO))
                .isInstanceOf(GatewayConfigurationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void loadWhenUnknownArgumentThenUsage() {
        assertThatThrownBy(() -> GatewaySettings.load(new String[] {"--port", "80"}, SSO))
                .isInstanceOf(GatewayConfigurationException.class).hasMessageContaining("usage:");
    }

    @Test
    void loadWhenSsoSettingMissingThenSdkConfigurationError() {
        assertThatThrownBy(() -> GatewaySettings.load(new String[0], Map.of("GATEWAY_UPSTREAM", "http://127.0.0.1:8000")))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu.issuer");
    }

    private Path write(String text) throws IOException {
        Path file = folder.resolve("gateway.properties");
        Files.writeString(file, text);
        return file;
    }
}
