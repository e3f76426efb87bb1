package id.satupintu.conformance.sdk.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A sample application, the gateway or the gateway's upstream running as a child process, as operators run
 * them ({@code java -jar}, {@code python3 app.py}): the conformance JVM already holds the provider's Spring
 * context, so a second Boot application cannot share it. Output is kept (the last lines) and shown when the
 * process dies early, when readiness times out, and — through {@link #showOutputOnFailure} — when a test fails.
 */
public final class SdkProcess implements AutoCloseable {

    private static final int KEPT_LINES = 300;
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final String name;
    private final Process process;
    private final Deque<String> lines = new ArrayDeque<>();

    private SdkProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code command} with {@code environment} added to a copy of this JVM's environment from which every
     * SatuPintu, gateway, Spring and server setting has been removed, so only what the test says applies.
     */
    public static SdkProcess start(String name, List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("SATUPINTU_") || key.startsWith("GATEWAY_")
                || key.startsWith("SPRING_") || key.startsWith("SERVER_"));
        builder.environment().putAll(environment);
        try {
            return new SdkProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** @return {@code java -jar jar args...} on this JVM's java, tuned for a quick start rather than peak speed */
    public static List<String> javaJar(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** @return a runnable jar the build copied to {@code target/sdk-apps/} */
    public static Path jar(String fileName) {
        Path jar = Path.of("target", "sdk-apps", fileName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the build copies it there "
                    + "(maven-dependency-plugin, process-test-resources; run the verify phase so it is packaged)");
        }
        return jar;
    }

    /** @return a port nobody listens on at this moment, on 127.0.0.1 */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code probe} answers anything over HTTP, or fails with the process's output. */
    public SdkProcess awaitHttp(URI probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before answering " + probe);
            }
            try {
                PROBE.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return this;
            } catch (IOException e) {
                // not listening yet
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + probe);
            }
        }
        throw failure("did not answer " + probe + " within " + timeout);
    }

    /** @return the exit code, waiting at most {@code timeout} for the process to end */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw failure("still running after " + timeout);
            }
            // the pump may still be reading the last lines
            Thread.sleep(50);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** @return the last lines the process printed (stdout and stderr together) */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public AssertionError failure(String message) {
        return new AssertionError(name + " " + message + "\n--- " + name + " output ---\n" + output() + "\n--- end ---");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A JUnit extension that prints the processes' output when a test fails, so a failure in the child (a stack
     * trace, a refused token logged with its reason) is in the report next to the assertion.
     */
    public static TestWatcher showOutputOnFailure(java.util.function.Supplier<List<SdkProcess>> processes) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                for (SdkProcess process : processes.get()) {
                    if (process != null) {
                        System.err.println("--- " + process.name + " output (test " + context.getDisplayName() + " failed) ---\n"
                                + process.output() + "\n--- end ---");
                    }
                }
            }
        };
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
