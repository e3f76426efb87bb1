package id.satupintu.sdk.redis;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * @throws SatuPintuException {@link Failure#CONFIGURATION} for a malformed URI,
     *         {@link Failure#PROVIDER_UNAVAILABLE} when Redis cannot be reached
     */
    static Connection open(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new SatuPintuException(Failure.CONFIGURATION,
                    "satupintu.redis-uri is required when satupintu.session-store=redis");
        }
        List<RedisURI> nodes;
        try {
            nodes = uri.startsWith(CLUSTER) || uri.startsWith(CLUSTER_TLS) ? clusterNodes(uri) : null;
            if (nodes == null) {
                RedisClient client = RedisClient.create(RedisURI.create(uri));
                StatefulRedisConnection<String, String> connection = connect(client::connect, client);
                return new Connection(connection, connection.sync(), client::shutdown);
            }
        } catch (IllegalArgumentException e) {
            throw new SatuPintuException(Failure.CONFIGURATION, "satupintu.redis-uri is not a Redis URI: "
                    + e.getMessage());
        }
        RedisClusterClient client = RedisClusterClient.create(nodes);
        StatefulRedisClusterConnection<String, String> connection = connect(client::connect, client);
        return new Connection(connection, connection.sync(), client::shutdown);
    }

    private static <C> C connect(java.util.function.Supplier<C> connect, Object client) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
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
