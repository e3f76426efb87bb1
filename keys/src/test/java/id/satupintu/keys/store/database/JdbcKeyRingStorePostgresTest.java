package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyRingStoreContract;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;

/** The ring-store contract on real PostgreSQL, a fresh database per test; plus a real race between nodes. */
class JdbcKeyRingStorePostgresTest extends KeyRingStoreContract {

    @Override
    protected KeyRingStore store() {
        return new JdbcKeyRingStore(TestDatabases.postgres());
    }

    @Test
    void updateWhenNodesRaceConcurrentlyFromSameStateThenExactlyOneWinsAndRevisionMovesOnce() throws Exception {
        javax.sql.DataSource database = TestDatabases.postgres();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ManagedKey next = ManagedKey.generated("race", KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), "test",
                generator.generateKeyPair().getPublic(), t0);
        new JdbcKeyRingStore(database).insert(next);
        long revision = new JdbcKeyRingStore(database).revision();
        int nodes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                KeyRingStore node = new JdbcKeyRingStore(database);
                ManagedKey change = i % 2 == 0 ? next.activated(t0.plusSeconds(i)) : next.destroyed(t0.plusSeconds(i));
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return node.update(next, change);
                };
                outcomes.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }

            assertThat(winners).isOne();
            assertThat(new JdbcKeyRingStore(database).revision()).isEqualTo(revision + 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
