package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's memory of back-channel logouts (OpenID Connect Back-Channel Logout 1.0 §2.7): which provider
 * sessions ({@code sid}) and citizens ({@code sub}) ended, and when. A container session cannot be reached
 * from the logout request, so the ending is applied at that session's next request. Entries are kept for the
 * longest a login can live, after which no login they could match is left; the map is bounded so that a
 * flood of valid notices cannot exhaust memory.
 */
final class EndedLogins {

    private static final Logger LOG = LoggerFactory.getLogger(EndedLogins.class);

    private final Map<String, Instant> sids = new ConcurrentHashMap<>();
    private final Map<String, Instant> subjects = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxLoginAge;
    private final int maxEntries;

    EndedLogins(Clock clock, Duration maxLoginAge, int maxEntries) {
        this.clock = clock;
        this.maxLoginAge = maxLoginAge;
        this.maxEntries = maxEntries;
    }

    void record(LogoutNotice notice) {
        Instant now = clock.instant();
        if (notice.sid() != null) {
            remember(sids, notice.sid(), now);
        } else if (notice.subject() != null) {
            remember(subjects, notice.subject(), now);
        }
    }

    /**
     * @return true when the login's provider session ended, or its citizen was signed out everywhere after
     *         this login began (a later sign-in of the same citizen stays valid)
     */
    boolean ended(Login login) {
        Instant cutoff = clock.instant().minus(maxLoginAge);
        if (login.sid() != null && isLive(sids.get(login.sid()), cutoff)) {
            return true;
        }
        Instant subjectEnded = login.subject() == null ? null : subjects.get(login.subject());
        return isLive(subjectEnded, cutoff)
                && (login.signedInAt() == null || !login.signedInAt().isAfter(subjectEnded));
    }

    private static boolean isLive(Instant endedAt, Instant cutoff) {
        return endedAt != null && endedAt.isAfter(cutoff);
    }

    private void remember(Map<String, Instant> ended, String key, Instant now) {
        ended.put(key, now);
        if (ended.size() > maxEntries) {
            prune(ended, now);
        }
    }

    private void prune(Map<String, Instant> ended, Instant now) {
        Instant cutoff = now.minus(maxLoginAge);
        ended.values().removeIf(endedAt -> !endedAt.isAfter(cutoff));
        if (ended.size() > maxEntries) {
            // Forgetting the oldest notices is the lesser harm than running out of memory; say so loudly.
            int excess = ended.size() - maxEntries;
            LOG.warn("back-channel logout memory full: forgetting the {} oldest of {} ended sessions; "
                    + "use the Redis session store for this volume", excess, ended.size());
            ended.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(ended::remove);
        }
    }
}
