package id.satupintu.idp.keys;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The quickstart's lock (H2 file database: one node only): a JVM lock. */
public final class LocalMaintenanceLock implements MaintenanceLock {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> Optional<T> tryRun(Supplier<T> work) {
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(work.get());
        } finally {
            lock.unlock();
        }
    }
}
