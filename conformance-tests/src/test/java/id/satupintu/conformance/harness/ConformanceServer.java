package id.satupintu.conformance.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;

import id.satupintu.idp.SatuPintuApplication;
import id.satupintu.idp.testsupport.RealStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The identity provider under test, booted once per test JVM on real PostgreSQL and Redis.
 *
 * <p>Booting is the only thing this class does with the server's code: every test talks to it
 * over HTTP, like a relying party and a browser would. The issuer is the exact URL the tests
 * use, so the server must run on a port chosen before it starts.
 */
public final class ConformanceServer {

    /** Bootstrap admin client that may obtain initial access tokens for dynamic registration. */
    public static final String ADMIN_CLIENT_ID = "conformance-admin";

    private static ConformanceServer instance;
    /** Why the one boot failed: every later test class fails fast with it instead of booting again. */
    private static RuntimeException bootFailure;

    private final URI issuer;
    private final String adminClientSecret;
    private final String dataDirectory;
    private final ConfigurableApplicationContext context;
    private URI secondNode;

    private ConformanceServer(URI issuer, String adminClientSecret, String dataDirectory,
                              ConfigurableApplicationContext context) {
        this.issuer = issuer;
        this.adminClientSecret = adminClientSecret;
        this.dataDirectory = dataDirectory;
        this.context = context;
    }

    /** @return the running server, started on first call */
    public static synchronized ConformanceServer get() {
        if (bootFailure != null) {
            throw new IllegalStateException("the server did not start (see the first failing test)", bootFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                bootFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance.context::close));
        }
        return instance;
    }

    private static ConformanceServer start() {
        int port = freePort();
        URI issuer = URI.create("http://localhost:" + port);
        String adminSecret = randomSecret();
        String dataDirectory = temporaryDataDirectory();
        return new ConformanceServer(issuer, adminSecret, dataDirectory,
                boot(port, issuer, adminSecret, dataDirectory));
    }

    /**
     * A second node of the same deployment, started on first call: another port, the same issuer
     * (a load balancer's one public URL), the same PostgreSQL and Redis and the same key material,
     * as operators run it. Nothing else is shared.
     *
     * @return the second node's own base URL
     */
    public synchronized URI secondNode() {
        if (secondNode == null) {
            int port = freePort();
            ConfigurableApplicationContext node = boot(port, issuer, adminClientSecret, dataDirectory);
            Runtime.getRuntime().addShutdownHook(new Thread(node::close));
            secondNode = URI.create("http://localhost:" + port);
        }
        return secondNode;
    }

    private static ConfigurableApplicationContext boot(int port, URI issuer, String adminSecret, String dataDirectory) {
        // Command-line arguments, not builder default properties: those rank below application.yml,
        // which would silently put the server on its quickstart H2 database and ./data directory.
        String[] arguments = Stream.of(
                        "server.port=" + port,
                        "satupintu.data-dir=" + dataDirectory,
                        "satupintu.issuer=" + issuer,
                        "satupintu.demo-data=true",
                        "satupintu.admin.client-id=" + ADMIN_CLIENT_ID,
                        "satupintu.admin.client-secret=" + adminSecret,
                        "spring.datasource.url=" + RealStores.postgresJdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + RealStores.redisPort())
                .map(property -> "--" + property)
                .toArray(String[]::new);
        return new SpringApplicationBuilder(SatuPintuApplication.class)
                .initializers(new ProductionComponentsOnly())
                .run(arguments);
    }

    public URI issuer() {
        return issuer;
    }

    public String adminClientSecret() {
        return adminClientSecret;
    }

    private static String temporaryDataDirectory() {
        try {
            Path dir = Files.createTempDirectory("satupintu-conformance-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
