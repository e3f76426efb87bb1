package id.satupintu.sdk.web;

import id.satupintu.sdk.PendingLogin;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sign-ins one browser started and has not finished, one per tab, kept in its container session.
 * Immutable, so that a replicated session sees every change as a new attribute value. Bounded: a page
 * that starts sign-in in a loop cannot grow the session; the oldest pending sign-in is dropped first.
 */
final class PendingLogins implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Enough for a citizen with several tabs open; more is a loop or an attack. */
    static final int MAX_PENDING = 10;
    /** A sign-in takes a minute or two; ten minutes covers a slow second factor. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    static final PendingLogins NONE = new PendingLogins(List.of());

    private final List<PendingLogin> pending;

    private PendingLogins(List<PendingLogin> pending) {
        this.pending = List.copyOf(pending);
    }

    PendingLogins with(PendingLogin added, Instant now) {
        List<PendingLogin> kept = new ArrayList<>(live(now));
        kept.removeIf(existing -> existing.state().equals(added.state()));
        kept.add(added);
        while (kept.size() > MAX_PENDING) {
            kept.remove(0);
        }
        return new PendingLogins(kept);
    }

    Optional<PendingLogin> find(String state, Instant now) {
        return live(now).stream().filter(existing -> existing.state().equals(state)).findFirst();
    }

    PendingLogins without(String state, Instant now) {
        List<PendingLogin> kept = new ArrayList<>(live(now));
        kept.removeIf(existing -> existing.state().equals(state));
        return new PendingLogins(kept);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    private List<PendingLogin> live(Instant now) {
        Instant oldestAllowed = now.minus(LIFETIME);
        return pending.stream()
                .filter(existing -> existing.startedAt() == null || existing.startedAt().isAfter(oldestAllowed))
                .toList();
    }
}
