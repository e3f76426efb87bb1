package id.satupintu.sdk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoGatewayTest {

    @Test
    void launchWhenConfigurationBadThenExitCodeTwoAndOneLineWithoutStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SsoGateway.Launch launch = SsoGateway.launch(new String[0], Map.of("GATEWAY_UPSTREAM", "ftp://x"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(launch.gateway()).isNull();
        assertThat(launch.exitCode()).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("satupintu-sso-gateway: configuration error: gateway.upstream must be")
                .doesNotContain("\tat ");
        assertThat(message.strip().lines()).hasSize(1);
    }
}
