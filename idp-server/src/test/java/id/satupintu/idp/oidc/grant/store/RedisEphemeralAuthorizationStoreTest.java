package id.satupintu.idp.oidc.grant.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import id.satupintu.idp.oidc.grant.EphemeralAuthorization;
import id.satupintu.idp.oidc.grant.EphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.store.redis.RedisEphemeralAuthorizationStore;
import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The ephemeral store contract against real Redis, plus the key layout's TTL guarantee. */
class RedisEphemeralAuthorizationStoreTest extends EphemeralAuthorizationStoreContract {

    @Override
    protected EphemeralAuthorizationStore createStore() {
        return new RedisEphemeralAuthorizationStore(RealStores.redisConnections());
    }

    @Test
    void putWhenWrittenThenEveryKeyHasTimeToLive() {
        String citizen = UUID.randomUUID().toString();
        EphemeralAuthorization entry = entry(citizen, Duration.ofMinutes(3), randomHash(), randomHash());

        store.put(entry);

        StringRedisTemplate redis = RealStores.redisTemplate();
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match("satupintu:authz:*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        assertThat(keys).contains("satupintu:authz:id:" + entry.id(), "satupintu:authz:citizen:" + citizen);
        assertThat(keys).filteredOn(k -> k.startsWith("satupintu:authz:token:")).hasSizeGreaterThanOrEqualTo(2);
        for (String key : keys) {
            Long ttlMillis = redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(ttlMillis).as("TTL of %s", key).isPositive();
        }
        Long recordTtl = redis.getExpire("satupintu:authz:id:" + entry.id(), java.util.concurrent.TimeUnit.SECONDS);
        assertThat(recordTtl).isBetween(170L, 180L);
    }

    @Test
    void putAndRemoveWhenRepeatedThenNoNewRedisConnectionPerCall() {
        // a new TCP connection per write would cap the token endpoint far below its target
        long before = connectionsReceived();

        for (int i = 0; i < 50; i++) {
            EphemeralAuthorization entry = entry(UUID.randomUUID().toString(), Duration.ofMinutes(1), randomHash());
            store.put(entry);
            store.remove(entry.id(), entry.indexedBy(), entry.citizen());
        }

        assertThat(connectionsReceived() - before).isLessThanOrEqualTo(1);
    }

    private static long connectionsReceived() {
        StringRedisTemplate redis = RealStores.redisTemplate();
        return Long.parseLong(redis.execute((org.springframework.data.redis.core.RedisCallback<String>) connection ->
                connection.serverCommands().info("stats").getProperty("total_connections_received")));
    }

    @Test
    void findByIdWhenSnapshotIsBinaryThenReturnedByteForByte() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        EphemeralAuthorization entry = new EphemeralAuthorization(UUID.randomUUID().toString(), binary,
                java.util.Set.of(randomHash()), null, Duration.ofMinutes(1));

        store.put(entry);

        assertThat(store.findById(entry.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(binary));
    }
}
