package id.satupintu.idp.registry.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import id.satupintu.idp.registry.EnrollmentAttributes;
import id.satupintu.idp.registry.InvalidNikException;
import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.embedded.DemoRegistryRecords;
import id.satupintu.idp.registry.embedded.EmbeddedRegistry;
import id.satupintu.idp.registry.embedded.FixedRecords;
import id.satupintu.idp.registry.synthetic.CombinedRecords;
import id.satupintu.idp.registry.synthetic.GenerationSettings;
import id.satupintu.idp.registry.synthetic.SyntheticRegistry;
import id.satupintu.idp.registry.http.MalformedRegistryMessageException;
import id.satupintu.idp.registry.http.RegistryWireFormat;

/**
 * The registry service as SatuPintu sees it, in a test JVM: the API of
 * {@code registry/registry-api.yaml} over HTTPS with mutual TLS (client certificates are required,
 * RFC 8446 §4.3.2), answered from an {@link EmbeddedRegistry}. Changes made through
 * {@link #registry()} are pushed to SatuPintu's webhook as signed SETs when
 * {@link #deliverEventsTo} was called. {@link #faults()} switches injected faults at run time.
 * No Spring: a JDK {@link HttpsServer}.
 *
 * <p>Run on its own for the benchmark or manual trials (see README.md):
 * {@code java -cp … id.satupintu.idp.registry.simulator.RegistrySimulator <port> <pki-dir> [synthetic-records]}.
 */
public final class RegistrySimulator implements AutoCloseable {

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK add ~40 ms to every answer (read once, when the server loads)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final byte[] MALFORMED = "{\"nik\": \"31710165029".getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final EmbeddedRegistry registry;
    private final HttpsServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "registry-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final Faults faults = new Faults();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private WebhookSender webhook;

    private RegistrySimulator(EmbeddedRegistry registry, SSLContext tls, int port) throws IOException {
        this.registry = registry;
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/v1/", this::handle);
        server.createContext("/simulator/", this::control);
        server.setExecutor(workers);
    }

    /** Starts on {@code port} (0: any free port) with the server side of {@code tls}. */
    public static RegistrySimulator start(EmbeddedRegistry registry, SSLContext tls, int port) {
        try {
            RegistrySimulator simulator = new RegistrySimulator(registry, tls, port);
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("registry simulator did not start", e);
        }
    }

    /** A simulator over the README's demo records on any free port. */
    public static RegistrySimulator startWithDemoRecords(TestPki pki) {
        return start(new EmbeddedRegistry(new FixedRecords(DemoRegistryRecords.all()), Clock.systemUTC()),
                pki.serverTls(), 0);
    }

    /** Pushes every change of {@link #registry()} from now on to {@code webhookUrl}, signed by {@code signer}. */
    public void deliverEventsTo(URI webhookUrl, EventTokenSigner signer) {
        webhook = new WebhookSender(webhookUrl, signer, 6, Duration.ofMillis(200));
        registry.subscribe(webhook);
    }

    public URI baseUrl() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    }

    public EmbeddedRegistry registry() {
        return registry;
    }

    public Faults faults() {
        return faults;
    }

    /** @return how many requests reached a handler (after the TLS handshake succeeded) */
    public int requestsReceived() {
        return answered.get();
    }

    /** @return how many events the webhook accepted */
    public int eventsDelivered() {
        return webhook == null ? 0 : webhook.delivered();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        workers.shutdownNow();
        if (webhook != null) {
            webhook.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        answered.incrementAndGet();
        try (exchange) {
            pause(faults.latency());
            switch (faults.draw()) {
                case SERVER_ERROR -> {
                    send(exchange, 503, PROBLEM_JSON, RegistryWireFormat.writeProblem(503, "Registry overloaded"));
                    return;
                }
                case CLIENT_ERROR -> {
                    send(exchange, 400, PROBLEM_JSON, RegistryWireFormat.writeProblem(400, "Bad request"));
                    return;
                }
                case NO_ANSWER -> {
                    awaitStop();
                    return;
                }
                case CLOSE_CONNECTION -> {
                    return; // closing the exchange before any header closes the connection
                }
                case MALFORMED_BODY -> {
                    send(exchange, 200, JSON, MALFORMED);
                    return;
                }
                case NONE -> answer(exchange);
            }
        }
    }

    /**
     * Manual trials only (same mutual-TLS port): {@code POST /simulator/faults?kind=SERVER_ERROR&share=0.5&latency-ms=200}
     * (kind {@code NONE} clears), {@code POST /simulator/deaths/{nik}} and
     * {@code POST /simulator/names/{nik}?name=NEW+NAME}, which change the record and push the event.
     */
    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            java.util.Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, PROBLEM_JSON, RegistryWireFormat.writeProblem(405, "POST only"));
                return;
            }
            try {
                if (path.equals("/simulator/faults")) {
                    Faults.Kind kind = Faults.Kind.valueOf(query.getOrDefault("kind", "NONE"));
                    faults.clear().share(Double.parseDouble(query.getOrDefault("share", "1")), kind)
                            .latency(Duration.ofMillis(Long.parseLong(query.getOrDefault("latency-ms", "0"))));
                } else if (path.startsWith("/simulator/deaths/")) {
                    registry.recordDeath(Nik.parse(path.substring("/simulator/deaths/".length())),
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")));
                } else if (path.startsWith("/simulator/names/") && query.containsKey("name")) {
                    registry.changeName(Nik.parse(path.substring("/simulator/names/".length())), query.get("name"));
                } else {
                    send(exchange, 404, PROBLEM_JSON, RegistryWireFormat.writeProblem(404, "Not found"));
                    return;
                }
            } catch (RuntimeException e) {
                send(exchange, 400, PROBLEM_JSON, RegistryWireFormat.writeProblem(400, "Bad control request"));
                return;
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static java.util.Map<String, String> query(String raw) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/v1/persons/") && "GET".equals(method)) {
            Nik nik;
            try {
                nik = Nik.parse(path.substring("/v1/persons/".length()));
            } catch (InvalidNikException e) {
                send(exchange, 400, PROBLEM_JSON, RegistryWireFormat.writeProblem(400, "Malformed NIK"));
                return;
            }
            Optional<RegistryRecord> record = registry.lookup(nik);
            if (record.isPresent()) {
                send(exchange, 200, JSON, RegistryWireFormat.writeRecord(record.get()));
            } else {
                send(exchange, 404, PROBLEM_JSON, RegistryWireFormat.writeProblem(404, "No such person"));
            }
        } else if ("/v1/verifications".equals(path) && "POST".equals(method)) {
            EnrollmentAttributes submitted;
            try (InputStream in = exchange.getRequestBody()) {
                submitted = RegistryWireFormat.parseVerificationRequest(in.readNBytes(64 * 1024));
            } catch (MalformedRegistryMessageException e) {
                send(exchange, 400, PROBLEM_JSON, RegistryWireFormat.writeProblem(400, "Malformed request"));
                return;
            }
            // unknown NIK and mismatch are the same NOT_MATCHED answer, byte for byte
            send(exchange, 200, JSON, RegistryWireFormat.writeOutcome(registry.verify(submitted)));
        } else {
            send(exchange, 404, PROBLEM_JSON, RegistryWireFormat.writeProblem(404, "Not found"));
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void pause(Duration latency) {
        if (!latency.isZero()) {
            try {
                stopped.await(latency.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitStop() {
        try {
            stopped.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code RegistrySimulator <port> <pki-dir> [synthetic-records] [idp-webhook-url] [idp-audience]}:
     * generates a test PKI into {@code pki-dir} (or reuses one there), serves the demo records plus
     * {@code synthetic-records} generated ones ({@link SyntheticRegistry}, the embedded registry's generator and seed) until killed, pushes changes
     * made through {@code /simulator/…} to the webhook URL when one is given (signed with a key made
     * for the run, whose public JWK set is written next to the PKI), and prints SatuPintu's settings.
     */
    /** The quickstart's default seed, so the simulator serves the same people as the embedded registry. */
    private static final long SIMULATOR_SEED = 20261128L;

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8443;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/registry-simulator-pki");
        long synthetic = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        TestPki pki = Files.exists(dir.resolve("registry-server.p12")) ? existing(dir) : TestPki.generate(dir);
        EmbeddedRegistry registry = new EmbeddedRegistry(
                new CombinedRecords(new FixedRecords(DemoRegistryRecords.all()), SyntheticRegistry.generate(
                        GenerationSettings.of(SIMULATOR_SEED, synthetic), DemoRegistryRecords.all())),
                Clock.systemUTC());
        try (RegistrySimulator simulator = start(registry, pki.serverTls(), port)) {
            System.out.println("Registry simulator on " + simulator.baseUrl() + " (" + registry.size() + " records)");
            System.out.println("  satupintu.registry.mode=http");
            System.out.println("  satupintu.registry.http.base-url=" + simulator.baseUrl());
            System.out.println("  satupintu.registry.http.key-store=" + pki.clientKeyStore().toAbsolutePath());
            System.out.println("  satupintu.registry.http.trust-store=" + pki.caTrustStore().toAbsolutePath());
            System.out.println("  (store passwords: " + TestPki.class.getSimpleName() + ".PASSWORD, test only)");
            if (args.length > 3) {
                String issuer = "https://registry-simulator.local";
                String audience = args.length > 4 ? args[4] : "http://localhost:9000";
                EventTokenSigner signer = new EventTokenSigner(EventTokenSigner.newKey(), issuer, audience);
                Path jwks = dir.resolve("registry-jwks.json");
                Files.writeString(jwks, signer.publicKeys().toString());
                simulator.deliverEventsTo(URI.create(args[3]), signer);
                System.out.println("  satupintu.registry.http.webhook.jwks-uri=" + jwks.toAbsolutePath().toUri());
                System.out.println("  satupintu.registry.http.webhook.issuer=" + issuer);
                System.out.println("  satupintu.registry.http.webhook.audience=" + audience);
            }
            new CountDownLatch(1).await();
        }
    }

    private static TestPki existing(Path dir) {
        return new TestPki(dir, dir.resolve("registry-ca-trust.p12"), dir.resolve("registry-server.p12"),
                dir.resolve("satupintu-client.p12"), dir.resolve("rogue-ca-trust.p12"),
                dir.resolve("rogue-server.p12"), dir.resolve("rogue-client.p12"));
    }
}
