package id.satupintu.idp.citizen.contact;

import java.time.Instant;
import java.util.Optional;

/**
 * Outstanding contact-verification codes, one per key (an account and a channel). Every entry lives
 * until {@code retainUntil} and no longer (Redis TTL / memory sweep), a while past the code's own expiry
 * so that the citizen can be told "expired" rather than "no code".
 */
public interface OneTimeCodeStore {

    /** Stores {@code code} under {@code key}, replacing any earlier one, and forgets it at {@code retainUntil}. */
    void save(String key, StoredOneTimeCode code, Instant retainUntil);

    /** @return the code under {@code key}, unless there is none or it has been forgotten by {@code now} */
    Optional<StoredOneTimeCode> find(String key, Instant now);

    /**
     * Counts one wrong code, atomically with other nodes doing the same.
     *
     * @return the failed attempts now recorded, or 0 when there is no code under {@code key}
     */
    int recordFailedAttempt(String key);

    void delete(String key);
}
