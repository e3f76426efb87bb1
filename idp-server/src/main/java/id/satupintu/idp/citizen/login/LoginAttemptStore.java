package id.satupintu.idp.citizen.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-in attempts per key (an account or a client address) within a rolling window, for
 * throttling (NIST SP 800-63B §5.2.2). Every key expires one window after its last failure, so no
 * counter, and no lock-out, outlives the window.
 */
public interface LoginAttemptStore {

    /** Records one failure at {@code at} and forgets the key's failures older than {@code window}. */
    void recordFailure(String key, Instant at, Duration window);

    /**
     * @return when the key falls below {@code limit} failures in the window, if it has reached the
     *         limit at {@code now}; empty when another attempt is allowed now
     */
    Optional<Instant> blockedUntil(String key, int limit, Duration window, Instant now);

    /** Forgets the key's failures (after a successful sign-in of the account). */
    void clear(String key);
}
