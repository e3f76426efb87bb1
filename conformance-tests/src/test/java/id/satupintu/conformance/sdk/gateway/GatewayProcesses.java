package id.satupintu.conformance.sdk.gateway;

import id.satupintu.conformance.sdk.boot.SdkProcess;
import id.satupintu.conformance.sdk.harness.SdkApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Starts the gateway sample's {@code app.py} and gateway jars as the README says, for the gateway tests. */
final class GatewayProcesses {

    static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Path APP_PY = Path.of("..", "sdk-java", "samples", "gateway-app", "app.py");

    private GatewayProcesses() {
    }

    /** @return {@code python3 app.py PORT}, answering */
    static SdkProcess upstream(int port) {
        return SdkProcess.start("app.py", List.of("python3", "-u", APP_PY.toString(), String.valueOf(port)), Map.of())
                .awaitHttp(URI.create("http://127.0.0.1:" + port + "/api/whoami"), STARTUP);
    }

    /** @return the gateway jar with {@code --config} a file holding {@code settings}, answering on its port */
    static SdkProcess gateway(String name, Properties settings) {
        URI base = URI.create("http://127.0.0.1:" + settings.getProperty("gateway.listen-port"));
        return SdkProcess.start(name, SdkProcess.javaJar(SdkProcess.jar("satupintu-sso-gateway.jar"),
                        "--config", write(settings).toString()), Map.of())
                .awaitHttp(URI.create(base + SdkApps.BACKCHANNEL_LOGOUT_PATH), STARTUP);
    }

    private static Path write(Properties settings) {
        try {
            Path file = Files.createTempFile("gateway-", ".properties");
            file.toFile().deleteOnExit();
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                settings.store(writer, "written by a gateway conformance test");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
