package id.satupintu.sdk.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** One real Redis per test JVM (embedded binary on a free loopback port), stopped at exit. */
final class TestRedis {

    private static RedisServer server;
    private static int port;
    private static RedisConnections.Connection connection;

    private TestRedis() {
    }

    static synchronized String uri() {
        if (server == null) {
            port = freePort();
            try {
                server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                        .setting("save \"\"").setting("appendonly no").build();
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return "redis://127.0.0.1:" + port;
    }

    /** Shared commands on the test Redis; tests keep apart by client id. */
    static synchronized RedisClusterCommands<String, String> commands() {
        if (connection == null) {
            connection = RedisConnections.open(uri());
        }
        return connection.commands();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
