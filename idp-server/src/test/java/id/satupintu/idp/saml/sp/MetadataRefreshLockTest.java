package id.satupintu.idp.saml.sp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import id.satupintu.idp.testsupport.RealStores;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** One refresh round at a time across nodes: PostgreSQL's advisory lock, and a JVM lock on H2. */
class MetadataRefreshLockTest {

    @Test
    void tryRunWhenAnotherNodeHoldsTheAdvisoryLockThenSkippedAndAfterwardsRuns() throws Exception {
        DataSource postgres = RealStores.postgresDataSource();
        MetadataRefreshLock lock = new MetadataRefreshLock(postgres);
        try (Connection otherNode = postgres.getConnection()) {
            advisory(otherNode, "select pg_advisory_lock(?)");

            assertThat(lock.tryRun(() -> "ran")).isEmpty();

            advisory(otherNode, "select pg_advisory_unlock(?)");
        }
        assertThat(lock.tryRun(() -> "ran")).contains("ran");
    }

    @Test
    void tryRunWhenOtherKeyMaintenanceLockHeldThenStillRuns() throws Exception {
        DataSource postgres = RealStores.postgresDataSource();
        try (Connection keys = postgres.getConnection();
             PreparedStatement statement = keys.prepareStatement("select pg_advisory_lock(?)")) {
            statement.setLong(1, 0x5361747550_4B6579L); // the key-rotation lock's id
            statement.executeQuery().close();

            assertThat(new MetadataRefreshLock(postgres).tryRun(() -> "ran")).contains("ran");
        }
    }

    @Test
    void tryRunWhenH2AndRoundRunningOnThisNodeThenSecondSkipped() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:refresh-lock;DB_CLOSE_DELAY=-1");
        MetadataRefreshLock lock = new MetadataRefreshLock(h2);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<String>> first = executor.submit(() -> lock.tryRun(() -> {
                inside.countDown();
                await(release);
                return "first";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(lock.tryRun(() -> "second")).isEmpty();

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).contains("first");
            assertThat(lock.tryRun(() -> "third")).contains("third");
        } finally {
            executor.shutdownNow();
        }
    }

    private static void advisory(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, MetadataRefreshLock.LOCK_ID);
            statement.executeQuery().close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
