package id.satupintu.idp.keys;

import java.util.Optional;
import java.util.function.Supplier;

/** Lets one node of the cluster at a time run the rotation step; the others skip that round. */
public interface MaintenanceLock {

    /** @return the work's result when this node got the lock, empty when another node holds it */
    <T> Optional<T> tryRun(Supplier<T> work);
}
