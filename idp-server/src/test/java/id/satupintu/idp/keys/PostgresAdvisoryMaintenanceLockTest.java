package id.satupintu.idp.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import id.satupintu.idp.testsupport.RealStores;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL: while one runs the rotation step, the other skips it. */
class PostgresAdvisoryMaintenanceLockTest {

    private final DataSource database = RealStores.postgresDataSource();
    private final MaintenanceLock nodeA = new PostgresAdvisoryMaintenanceLock(database);
    private final MaintenanceLock nodeB = new PostgresAdvisoryMaintenanceLock(database);

    @Test
    void tryRunWhenOtherNodeHoldsLockThenSkipped() {
        Optional<Boolean> bRan = nodeA.tryRun(() -> nodeB.tryRun(() -> "B ran").isPresent());

        assertThat(bRan).contains(false);
    }

    @Test
    void tryRunWhenPreviousHolderFinishedThenRuns() {
        nodeA.tryRun(() -> "A ran");

        assertThat(nodeB.tryRun(() -> "B ran")).contains("B ran");
    }

    @Test
    void tryRunWhenWorkFailsThenLockReleased() {
        try {
            nodeA.tryRun(() -> {
                throw new IllegalStateException("rotation failed");
            });
        } catch (IllegalStateException expected) {
            // the failure reaches the caller
        }

        assertThat(nodeB.tryRun(() -> "B ran")).contains("B ran");
    }

    @Test
    void tryRunWhenBothNodesTryAtOnceThenExactlyOneRuns() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<Integer>> a = nodes.submit(() -> nodeA.tryRun(() -> holdUntil(bothInside, ran)));
            Future<Optional<Integer>> b = nodes.submit(() -> nodeB.tryRun(() -> holdUntil(bothInside, ran)));
            Thread.sleep(500); // both have asked for the lock by now; the holder waits on the latch
            bothInside.countDown();

            assertThat(a.get(10, TimeUnit.SECONDS).isPresent() ^ b.get(10, TimeUnit.SECONDS).isPresent()).isTrue();
            assertThat(ran.get()).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }

    private static Integer holdUntil(CountDownLatch latch, AtomicInteger ran) {
        ran.incrementAndGet();
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ran.get();
    }
}
