package id.satupintu.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's start command, for real: the packaged jar ({@code -exec.jar}) started with
 * {@code java -jar} on its embedded defaults serves discovery, the sign-in page and a JWKS. Tests
 * in the build run on the test class path, where a library missing from the packaged jar would
 * go unnoticed (a test-scoped declaration once hid Bouncy Castle's PKIX from it); this one runs the
 * jar itself. Run by failsafe in {@code verify}, after {@code package} made the jar.
 */
class QuickstartJarIT {

    @TempDir
    Path workingDirectory;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(Duration.ofSeconds(20).toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void startWhenPackagedJarOnEmbeddedDefaultsThenDiscoverySignInPageJwksAndSamlMetadataServed() throws Exception {
        Path jar = Path.of(System.getProperty("satupintu.exec.jar", "target/satupintu-idp-server-0.1.0-SNAPSHOT-exec.jar"));
        assertThat(jar).as("run 'package' first").exists();
        int port = freePort();
        Path log = workingDirectory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        server = builder.start();

        String base = "http://localhost:" + port;
        HttpResponse<String> discovery = awaitDiscovery(server, base, log);

        assertThat(discovery.body()).contains("\"issuer\":\"" + base + "\"");
        assertThat(get(base + "/login").statusCode()).isEqualTo(200);
        assertThat(get(base + "/oauth2/jwks").body()).contains("\"kid\":\"oidc-sig-");
        // OpenSAML initialises inside the packaged jar and signs the IdP metadata with the SAML key
        HttpResponse<String> samlMetadata = get(base + "/saml2/idp/metadata");
        assertThat(samlMetadata.statusCode()).isEqualTo(200);
        assertThat(samlMetadata.body()).contains("entityID=\"" + base + "\"").contains("SignatureValue");
        assertThat(Files.readString(log)).contains("SatuPintu is ready").doesNotContain("ERROR");
    }

    private static HttpResponse<String> awaitDiscovery(Process server, String base, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited with " + server.exitValue() + "; its log:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = get(base + "/.well-known/openid-configuration");
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not ready in 120 s; its log:\n" + Files.readString(log), last);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
