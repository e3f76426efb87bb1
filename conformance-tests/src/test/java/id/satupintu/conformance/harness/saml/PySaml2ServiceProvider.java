package id.satupintu.conformance.harness.saml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import id.satupintu.conformance.harness.BackChannel;
import id.satupintu.conformance.harness.Json;

/**
 * A real SAML service provider, pysaml2, run as a separate process by the tests
 * ({@code src/test/resources/saml-sp/sp.py}): the independent implementation that must accept
 * what SatuPintu sends. It listens on {@code 127.0.0.1}, another site than the IdP's
 * {@code localhost}, so a browser treats the SAML round trip as cross-site as it is in production.
 *
 * <p>Its entity ID is its metadata URL. Start it with {@link #start}; {@link #close()} stops the
 * process (tests do that in {@code @AfterAll}).
 */
public final class PySaml2ServiceProvider implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final SpOptions options;
    private final URI baseUrl;
    private final Process process;
    private final Path log;
    private final String metadataXml;

    private PySaml2ServiceProvider(SpOptions options, URI baseUrl, Process process, Path log, String metadataXml) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.process = process;
        this.log = log;
        this.metadataXml = metadataXml;
    }

    /**
     * Generates the SP's keys, starts pysaml2 on a free port and waits until it serves its metadata.
     *
     * @param idpMetadataXml the IdP's metadata; null starts an SP that only serves {@code /metadata}
     */
    public static PySaml2ServiceProvider start(SpOptions options, String idpMetadataXml) {
        PySaml2.ensureInstalled();
        Path directory = workDirectory(options.name());
        int port = freePort();
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        SpKeyPair signing = SpKeyPair.generate(directory, options.name() + "-signing");
        List<String> command = new ArrayList<>(List.of(PySaml2.PYTHON.toString(), script(directory).toString(),
                "--entity-id", baseUrl + "/metadata",
                "--port", Integer.toString(port),
                "--key", signing.key().toString(),
                "--cert", signing.certificate().toString(),
                "--sign-requests", Boolean.toString(options.signsRequests()),
                "--want-assertions-signed", Boolean.toString(options.wantAssertionsSigned()),
                "--want-response-signed", Boolean.toString(options.wantResponseSigned()),
                "--binding", options.binding(),
                "--cookie", "sp_" + options.name().replace('-', '_')));
        if (options.encryption()) {
            SpKeyPair encryption = SpKeyPair.generate(directory, options.name() + "-encryption");
            command.addAll(List.of("--enc-key", encryption.key().toString(), "--enc-cert", encryption.certificate().toString()));
        }
        if (idpMetadataXml != null) {
            Path idpMetadata = directory.resolve("idp-metadata.xml");
            write(idpMetadata, idpMetadataXml);
            command.addAll(List.of("--idp-metadata", idpMetadata.toString()));
        }
        Path log = directory.resolve("sp.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("could not start pysaml2 (" + PySaml2.PYTHON + ")", e);
        }
        String metadata = awaitMetadata(process, baseUrl, log);
        return new PySaml2ServiceProvider(options, baseUrl, process, log, metadata);
    }

    private static String awaitMetadata(Process process, URI baseUrl, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pysaml2 exited with " + process.exitValue() + ": " + tail(log));
            }
            try {
                HttpResponse<String> response = BackChannel.get(baseUrl.resolve("/metadata"));
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (AssertionError notListeningYet) {
                // BackChannel reports connection failures as AssertionError; the SP is still starting
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("pysaml2 did not serve /metadata within " + START_TIMEOUT + ": " + tail(log));
    }

    public SpOptions options() {
        return options;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** @return the SP's {@code entityID}: its metadata URL */
    public String entityId() {
        return baseUrl + "/metadata";
    }

    public String metadataXml() {
        return metadataXml;
    }

    /** @param query extra {@code /login} parameters ({@code binding=post&force=1&relay_state=...}), or "" */
    public URI login(String query) {
        return baseUrl.resolve("/login" + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    public URI whoami() {
        return baseUrl.resolve("/whoami");
    }

    public URI logout() {
        return baseUrl.resolve("/logout");
    }

    public URI acs() {
        return baseUrl.resolve("/acs");
    }

    /** @return what the SP's {@code /slo} received so far (LogoutRequests and LogoutResponses), oldest first */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> sloEvents() {
        HttpResponse<String> response = BackChannel.get(baseUrl.resolve("/events"));
        if (response.statusCode() != 200) {
            throw new AssertionError("SP /events answered " + response.statusCode());
        }
        return (List<Map<String, Object>>) Json.object(response.body()).get("events");
    }

    /** @return the last lines of the SP's own log, for failure messages */
    public String logTail() {
        return tail(log);
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "pysaml2 SP " + options.name() + " at " + baseUrl;
    }

    /** Copies the SP program out of the test classpath, so it runs from any build layout. */
    private static Path script(Path directory) {
        Path script = directory.resolve("sp.py");
        try (InputStream in = PySaml2ServiceProvider.class.getResourceAsStream("/saml-sp/sp.py")) {
            if (in == null) {
                throw new IllegalStateException("saml-sp/sp.py is not on the test classpath");
            }
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    private static Path workDirectory(String name) {
        try {
            Path target = Files.createDirectories(Path.of("target", "saml-sp"));
            return Files.createTempDirectory(target, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pysaml2", e);
        }
    }
}
