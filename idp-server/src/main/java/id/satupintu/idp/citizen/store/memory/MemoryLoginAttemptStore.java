package id.satupintu.idp.citizen.store.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import id.satupintu.idp.citizen.login.LoginAttemptStore;
import id.satupintu.idp.store.ConditionalOnRedisMissing;

/** Failed sign-ins held in this JVM: the quickstart's single node, without Redis. */
@Component
@ConditionalOnRedisMissing
public class MemoryLoginAttemptStore implements LoginAttemptStore {

    /** Sweep expired keys every so many writes so that abandoned keys do not accumulate. */
    private static final int SWEEP_EVERY = 1024;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public void recordFailure(String key, Instant at, Duration window) {
        failures.compute(key, (k, existing) -> {
            Failures f = existing == null ? new Failures() : existing;
            f.add(at, window);
            return f;
        });
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            failures.entrySet().removeIf(e -> e.getValue().expiredAt(at));
        }
    }

    @Override
    public Optional<Instant> blockedUntil(String key, int limit, Duration window, Instant now) {
        Failures f = failures.get(key);
        return f == null ? Optional.empty() : f.blockedUntil(limit, window, now);
    }

    @Override
    public void clear(String key) {
        failures.remove(key);
    }

    /** One key's failure times, oldest first, and when the key expires. */
    private static final class Failures {

        private final List<Instant> times = new ArrayList<>();
        private Instant expiresAt = Instant.MIN;

        synchronized void add(Instant at, Duration window) {
            int i = times.size();
            while (i > 0 && times.get(i - 1).isAfter(at)) {
                i--;
            }
            times.add(i, at);
            Instant cutoff = at.minus(window);
            for (Iterator<Instant> it = times.iterator(); it.hasNext(); ) {
                if (!it.next().isAfter(cutoff)) {
                    it.remove();
                } else {
                    break;
                }
            }
            Instant candidate = at.plus(window);
            if (candidate.isAfter(expiresAt)) {
                expiresAt = candidate;
            }
        }

        synchronized Optional<Instant> blockedUntil(int limit, Duration window, Instant now) {
            Instant cutoff = now.minus(window);
            List<Instant> recent = times.stream().filter(t -> t.isAfter(cutoff)).toList();
            if (recent.size() < limit) {
                return Optional.empty();
            }
            // once this failure leaves the window, fewer than `limit` remain
            return Optional.of(recent.get(recent.size() - limit).plus(window));
        }

        synchronized boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }
}
