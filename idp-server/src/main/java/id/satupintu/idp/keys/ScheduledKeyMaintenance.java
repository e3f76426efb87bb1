package id.satupintu.idp.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.RotationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link KeyManager#maintain} on a schedule, on one node of the cluster at a time (the
 * others find the {@link MaintenanceLock} taken and skip the round). Runs once at start-up too, so
 * a new deployment has its keys before the first token. Own daemon thread, like the refresh-grant
 * purger: no application-wide scheduling set-up.
 */
public class ScheduledKeyMaintenance implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledKeyMaintenance.class);
    static final String ACTOR = "scheduler";

    private final KeyManager manager;
    private final KeyRingChanges changes;
    private final MaintenanceLock lock;
    private final Map<KeyPurpose, List<KeySpec>> wanted;
    private final RotationPolicy policy;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ScheduledKeyMaintenance(KeyManager manager, KeyRingChanges changes, MaintenanceLock lock,
                                   Map<KeyPurpose, List<KeySpec>> wanted, RotationPolicy policy, Duration interval) {
        this.manager = manager;
        this.changes = changes;
        this.lock = lock;
        this.wanted = Map.copyOf(wanted);
        this.policy = policy;
        this.interval = interval;
    }

    /** @return the changes made, or empty when another node held the lock */
    public Optional<List<KeyManager.KeyChange>> runOnce() {
        return lock.tryRun(() -> changes.apply(ACTOR, null, () -> manager.maintain(wanted, policy)));
    }

    private void runQuietly() {
        try {
            runOnce().ifPresent(made -> {
                if (!made.isEmpty()) {
                    LOG.info("key rotation step: {} changes", made.size());
                }
            });
        } catch (RuntimeException e) {
            // a database outage must not end the schedule; keys rotate at the next run
            LOG.warn("key rotation step failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        runQuietly();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "key-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Before the web server starts taking requests, so the first token finds its key. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
