package id.satupintu.sdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisConnectionsTest {

    @Test
    void clusterNodesWhenSeveralSeedsThenOneUriEachWithCredentials() {
        List<RedisURI> nodes = RedisConnections.clusterNodes("redis-cluster://s3cret@10.0.0.1:7000,10.0.0.2:7001/0");

        assertThat(nodes).extracting(RedisURI::getHost).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(nodes).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(nodes).allSatisfy(node -> assertThat(new String(node.getPassword())).isEqualTo("s3cret"));
        assertThat(nodes).noneMatch(RedisURI::isSsl);
    }

    @Test
    void clusterNodesWhenTlsSchemeThenSsl() {
        assertThat(RedisConnections.clusterNodes("rediss-cluster://h1:7000")).singleElement()
                .satisfies(node -> assertThat(node.isSsl()).isTrue());
    }

    @Test
    void openWhenUriMissingThenConfigurationError() {
        assertThatThrownBy(() -> RedisConnections.open(" "))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION))
                .hasMessageContaining("satupintu.redis-uri");
    }

    @Test
    void openWhenUriMalformedThenConfigurationError() {
        assertThatThrownBy(() -> RedisConnections.open("http://not-redis"))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION));
        assertThatThrownBy(() -> RedisConnections.open("redis-cluster://"))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.CONFIGURATION));
    }

    @Test
    void openWhenNothingListensThenUnavailableWithoutThePassword() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "redis://hunter2@127.0.0.1:" + port;

        assertThatThrownBy(() -> RedisConnections.open(uri))
                .isInstanceOfSatisfying(SatuPintuException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.PROVIDER_UNAVAILABLE))
                .message().doesNotContain("hunter2");
    }

    @Test
    void openWhenStandaloneUriThenCommandsWork() throws Exception {
        try (RedisConnections.Connection connection = RedisConnections.open(TestRedis.uri())) {
            assertThat(connection.commands().ping()).isEqualTo("PONG");
        }
    }
}
