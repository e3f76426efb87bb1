package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import id.satupintu.idp.testsupport.RealStores;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.MemoryKeyRingStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Two nodes sharing one ring: a change on node A reaches node B through the Redis message at once,
 * without B's poll (which this test never starts).
 */
class RedisKeyChangeNotificationTest {

    private final MemoryKeyRingStore sharedRing = new MemoryKeyRingStore();
    private final TestKeyRings nodeA = new TestKeyRings(sharedRing);
    private final TestKeyRings nodeB = new TestKeyRings(sharedRing);
    private final RedisMessageListenerContainer subscription = new RedisMessageListenerContainer();

    @AfterEach
    void unsubscribe() throws Exception {
        subscription.destroy();
    }

    @Test
    void changeOnOneNodeWhenNotifiedThroughRedisThenOtherNodeReloadsWithinASecond() throws Exception {
        subscription.setConnectionFactory(RealStores.redisConnections());
        subscription.addMessageListener((message, pattern) -> nodeB.cache.refresh(), new ChannelTopic(KeyChangeNotifier.CHANNEL));
        subscription.afterPropertiesSet();
        subscription.start();
        Thread.sleep(300); // the subscription is established asynchronously
        KeyRingChanges changesOnA = new KeyRingChanges(nodeA.manager, nodeA.cache,
                new RedisKeyChangeNotifier(RealStores.redisTemplate()), nodeA.audit);

        ManagedKey next = changesOnA.apply("ops", null,
                () -> nodeA.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), false));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
        while (nodeB.cache.current().published().getKeyByKeyId(next.kid()) == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(nodeB.cache.current().published().getKeys()).extracting(JWK::getKeyID).contains(next.kid());
    }

    @Test
    void notifyWhenRedisUnreachableThenChangeStillMadeAndNoFailure() {
        KeyRingChanges changesOnA = new KeyRingChanges(nodeA.manager, nodeA.cache, new RedisKeyChangeNotifier(
                new org.springframework.data.redis.core.StringRedisTemplate(unreachableRedis())), nodeA.audit);

        ManagedKey next = changesOnA.apply("ops", null,
                () -> nodeA.manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), false));

        assertThat(nodeA.cache.current().published().getKeyByKeyId(next.kid())).isNotNull();
    }

    private static org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory unreachableRedis() {
        var configuration = new org.springframework.data.redis.connection.RedisStandaloneConfiguration("127.0.0.1", 1);
        var client = org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(200)).build();
        var factory = new org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory(configuration, client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
