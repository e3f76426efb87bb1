package id.satupintu.idp.saml.sp;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes metadata URLs that are due ({@code next_refresh_at}: each SP's own interval, default 1 h,
 * at least 5 min), checking every {@code satupintu.saml.metadata-refresh.poll} (default 1 min), on one
 * node of the cluster at a time ({@link MetadataRefreshLock}). A refused document keeps the last good
 * metadata ({@link ServiceProviderRegistry#refresh}).
 */
@Component
public class MetadataRefreshScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataRefreshScheduler.class);

    /** Most SPs refreshed in one round; the rest are due and come in the next round. */
    static final int BATCH = 100;

    private final ServiceProviderRecords records;
    private final ServiceProviderRegistry registry;
    private final MetadataRefreshLock lock;
    private final Clock clock;

    public MetadataRefreshScheduler(ServiceProviderRecords records, ServiceProviderRegistry registry,
                                    DataSource dataSource, ObjectProvider<Clock> clock) {
        this.records = records;
        this.registry = registry;
        this.lock = new MetadataRefreshLock(dataSource);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @return how many SPs were refreshed successfully, or -1 when another node held the lock */
    public int runOnce() {
        return lock.tryRun(() -> {
            int refreshed = 0;
            List<UUID> due = records.dueForRefresh(clock.instant(), BATCH);
            for (UUID id : due) {
                try {
                    registry.refresh(id);
                    refreshed++;
                } catch (InvalidMetadataException | UnknownServiceProviderException refused) {
                    // recorded and audited by the registry; the last good metadata stays
                }
            }
            return refreshed;
        }).orElse(-1);
    }

    @Scheduled(fixedDelayString = "${satupintu.saml.metadata-refresh.poll:60000}",
            initialDelayString = "${satupintu.saml.metadata-refresh.poll:60000}")
    void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // a database outage must not end the schedule; due refreshes stay due
            LOG.warn("SAML metadata refresh round failed: {}", e.toString());
        }
    }
}
