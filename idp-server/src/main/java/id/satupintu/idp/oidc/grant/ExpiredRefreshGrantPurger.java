package id.satupintu.idp.oidc.grant;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes refresh grants whose refresh token has expired, with their superseded token hashes: the grant
 * has ended, so nothing in it can be used or replayed any more. (Spring's JDBC service never cleans up;
 * this one must.) Runs on its own daemon thread so it needs no application-wide scheduling set-up.
 * On several nodes each runs it; the delete is idempotent.
 */
public class ExpiredRefreshGrantPurger implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredRefreshGrantPurger.class);

    private final RefreshGrantStore refreshGrants;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ExpiredRefreshGrantPurger(RefreshGrantStore refreshGrants, Clock clock, Duration interval) {
        this.refreshGrants = refreshGrants;
        this.clock = clock;
        this.interval = interval;
    }

    /** @return how many grants were deleted */
    public int purge() {
        int deleted = refreshGrants.deleteExpired(clock.instant());
        if (deleted > 0) {
            LOG.info("deleted {} expired refresh grants", deleted);
        }
        return deleted;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "refresh-grant-purger");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a database outage must not end the schedule; the next run catches up
            LOG.warn("purging expired refresh grants failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
