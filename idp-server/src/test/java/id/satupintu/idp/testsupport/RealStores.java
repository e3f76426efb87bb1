package id.satupintu.idp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * One real PostgreSQL and one real Redis per test JVM, started on first use and stopped at exit.
 * Tests that need production storage register their properties with {@link #register}.
 */
public final class RealStores {

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;
    private static String kekFile;
    private static LettuceConnectionFactory redisConnections;

    private RealStores() {
    }

    /** Points a Spring test context at the real PostgreSQL and Redis. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", RealStores::postgresJdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RealStores::redisPort);
        registry.add("satupintu.keys.kek-file", RealStores::keyEncryptionKeyFile);
    }

    /**
     * A key-encryption key for the managed keys in the real PostgreSQL, as production supplies one
     * (outside the quickstart the server refuses to start without it); one per test JVM.
     */
    public static synchronized String keyEncryptionKeyFile() {
        if (kekFile == null) {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("satupintu-kek-");
                java.nio.file.Path file = dir.resolve("kek");
                id.satupintu.keys.store.database.KeyEncryptionKey.generate("test").writeTo(file);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                kekFile = file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test KEK", e);
            }
        }
        return kekFile;
    }

    public static synchronized String postgresJdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster directory is removed by the library
                }
            }));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public static synchronized javax.sql.DataSource postgresDataSource() {
        postgresJdbcUrl();
        return postgres.getPostgresDatabase();
    }

    public static synchronized int redisPort() {
        if (redis == null) {
            redisPort = freePort();
            try {
                redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return redisPort;
    }

    /** One shared Lettuce client to the real Redis, for tests that build stores without Spring. */
    public static synchronized LettuceConnectionFactory redisConnections() {
        if (redisConnections == null) {
            redisConnections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort()));
            redisConnections.afterPropertiesSet();
            redisConnections.start();
            Runtime.getRuntime().addShutdownHook(new Thread(redisConnections::destroy));
        }
        return redisConnections;
    }

    public static StringRedisTemplate redisTemplate() {
        return new StringRedisTemplate(redisConnections());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
