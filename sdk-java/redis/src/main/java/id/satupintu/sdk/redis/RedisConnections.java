package id.satupintu.sdk.redis;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One Lettuce connection per Redis URI per class loader, shared by the login repository and the replay cache
 * (Lettuce connections are thread-safe and multiplexed; one is right for a web application).
 *
 * <p>URIs: {@code redis://[password@]host:port[/db]} and {@code rediss://} (TLS) for a standalone server,
 * {@code redis-sentinel://host:port,host:port[/db]#master} for Sentinel (both Lettuce's own syntax), and
 * {@code redis-cluster://[password@]host:port,host:port} (or {@code rediss-cluster://}) for a Cluster, whose
 * nodes are the seeds the topology is discovered from. The store uses only single-key commands, so it works
 * on a Cluster without hash tags.
 */
final class RedisConnections {

    private static final String CLUSTER = "redis-cluster://";
    private static final String CLUSTER_TLS = "rediss-cluster://";

    /** How long one command may take; a URI's own {@code timeout=} parameter wins. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /**
     * While the connection is down, commands fail at once (and the page says "try again") instead of queueing
     * behind the reconnect and holding request threads.
     */
    private static final ClientOptions.DisconnectedBehavior FAIL_FAST = ClientOptions.DisconnectedBehavior.REJECT_COMMANDS;

    private static final Map<String, Connection> SHARED = new ConcurrentHashMap<>();

    /** The sync commands common to a standalone/Sentinel connection and a Cluster connection. */
    record Connection(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> commands,
                      AutoCloseable client) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            connection.close();
            client.close();
        }
    }

    private RedisConnections() {
    }

    static RedisClusterCommands<String, String> shared(String uri) {
        return SHARED.computeIfAbsent(uri, RedisConnections::open).commands();
    }

    /** Closes the shared connection to this URI (an application being undeployed must not leave threads). */
    static void release(String uri) {
        Connection connection = SHARED.remove(uri);
        if (connection != null) {
            try {
                connection.close();
            } catch (Exception e) {
                // Shutting down anyway; nothing else to do with a failed close.
            }
        }
    }

    /**
     * @throws SatuPintuException {@link Failure#CONFIGURATION} for a malformed URI,
     *         {@link Failure#PROVIDER_UNAVAILABLE} when Redis cannot be reached
     */
    static Connection open(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new SatuPintuException(Failure.CONFIGURATION,
                    "satupintu.redis-uri is required when satupintu.session-store=redis");
        }
        boolean cluster = uri.startsWith(CLUSTER) || uri.startsWith(CLUSTER_TLS);
        List<RedisURI> nodes;
        try {
            nodes = cluster ? clusterNodes(uri) : List.of(RedisURI.create(uri));
        } catch (IllegalArgumentException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, "satupintu.redis-uri is not a Redis URI: "
                    + e.getMessage());
        }
        if (!uri.contains("timeout=")) {
            // Lettuce waits 60 s by default: a request thread must not hang that long on a sick Redis.
            nodes.forEach(node -> node.setTimeout(COMMAND_TIMEOUT));
        }
        if (cluster) {
            RedisClusterClient client = RedisClusterClient.create(nodes);
            client.setOptions(ClusterClientOptions.builder().disconnectedBehavior(FAIL_FAST).build());
            StatefulRedisClusterConnection<String, String> connection = connect(client::connect, client::shutdown);
            return new Connection(connection, connection.sync(), client::shutdown);
        }
        RedisClient client = RedisClient.create(nodes.get(0));
        client.setOptions(ClientOptions.builder().disconnectedBehavior(FAIL_FAST).build());
        StatefulRedisConnection<String, String> connection = connect(client::connect, client::shutdown);
        return new Connection(connection, connection.sync(), client::shutdown);
    }

    private static <C> C connect(Supplier<C> connect, Runnable shutdown) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            shutdown.run();
            // The password may be in the URI: the message names neither.
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "Redis cannot be reached: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Splits {@code redis-cluster://secret@h1:7000,h2:7001} into one Lettuce URI per seed node. */
    static List<RedisURI> clusterNodes(String uri) {
        boolean tls = uri.startsWith(CLUSTER_TLS);
        String rest = uri.substring(tls ? CLUSTER_TLS.length() : CLUSTER.length());
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        int at = rest.lastIndexOf('@');
        String credentials = at >= 0 ? rest.substring(0, at + 1) : "";
        String hosts = at >= 0 ? rest.substring(at + 1) : rest;
        List<RedisURI> nodes = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (!host.isBlank()) {
                nodes.add(RedisURI.create((tls ? "rediss://" : "redis://") + credentials + host.trim()));
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no cluster node in the URI");
        }
        return nodes;
    }
}
