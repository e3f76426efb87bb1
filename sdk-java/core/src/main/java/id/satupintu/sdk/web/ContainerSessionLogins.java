package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins kept in the container's HTTP session. Back-channel logout marks the provider session
 * ({@code sid}) or citizen ({@code sub}) as ended in this node's memory; the next request of a matching
 * session is signed out and its container session invalidated. One node (or sticky sessions) only:
 * clustered applications use the Redis repository.
 *
 * <p>A login older than the maximum login age (12 hours by default) is treated as ended too: that is how
 * long this node remembers logout notices, so no login may outlive the memory that could end it.
 */
public final class ContainerSessionLogins implements LoginRepository {

    /** The longest a sign-in lasts in this store, and so how long logout notices are remembered. */
    public static final Duration DEFAULT_MAX_LOGIN_AGE = Duration.ofHours(12);

    static final String LOGIN_ATTRIBUTE = "id.satupintu.sdk.login";
    static final String PENDING_ATTRIBUTE = "id.satupintu.sdk.pending";

    /** Notices remembered at most; about 100 bytes each, so a few megabytes at worst. */
    private static final int MAX_ENDED = 50_000;
    /** Striped locks so that two parallel requests of one session cannot both take one pending sign-in. */
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) {
            LOCKS[i] = new Object();
        }
    }

    private final Clock clock;
    private final Duration maxLoginAge;
    private final EndedLogins ended;

    public ContainerSessionLogins() {
        this(Clock.systemUTC(), DEFAULT_MAX_LOGIN_AGE);
    }

    /** @param maxLoginAge how long a sign-in lasts at most, however active the session */
    public ContainerSessionLogins(Clock clock, Duration maxLoginAge) {
        this.clock = clock;
        this.maxLoginAge = maxLoginAge;
        this.ended = new EndedLogins(clock, maxLoginAge, MAX_ENDED);
    }

    @Override
    public void savePending(WebExchange exchange, PendingLogin pending) {
        WebSession session = exchange.session(true);
        synchronized (lockFor(session)) {
            session.attribute(PENDING_ATTRIBUTE, pendingOf(session).with(pending, clock.instant()));
        }
    }

    @Override
    public Optional<PendingLogin> takePending(WebExchange exchange, String state) {
        WebSession session = exchange.session(false);
        if (session == null || state == null) {
            return Optional.empty();
        }
        synchronized (lockFor(session)) {
            Instant now = clock.instant();
            PendingLogins pending = pendingOf(session);
            Optional<PendingLogin> taken = pending.find(state, now);
            PendingLogins rest = pending.without(state, now);
            if (rest.isEmpty()) {
                session.removeAttribute(PENDING_ATTRIBUTE);
            } else {
                session.attribute(PENDING_ATTRIBUTE, rest);
            }
            return taken;
        }
    }

    @Override
    public Optional<Login> find(WebExchange exchange) {
        WebSession session = exchange.session(false);
        if (session == null || !(session.attribute(LOGIN_ATTRIBUTE) instanceof Login login)) {
            return Optional.empty();
        }
        if (ended.ended(login) || tooOld(login)) {
            // The whole container session goes: the application's data in it belonged to this sign-in.
            session.invalidate();
            return Optional.empty();
        }
        return Optional.of(login);
    }

    @Override
    public void save(WebExchange exchange, Login login) {
        exchange.session(true);
        exchange.changeSessionId();
        exchange.session(true).attribute(LOGIN_ATTRIBUTE, login);
    }

    @Override
    public void update(WebExchange exchange, Login login) {
        WebSession session = exchange.session(false);
        if (session != null && session.attribute(LOGIN_ATTRIBUTE) != null) {
            session.attribute(LOGIN_ATTRIBUTE, login);
        }
    }

    /** Invalidates the whole container session: on a shared computer the next citizen must not inherit it. */
    @Override
    public void remove(WebExchange exchange) {
        WebSession session = exchange.session(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /**
     * @return 0: container sessions end lazily, at their next request, so how many there were is not
     *         known here
     */
    @Override
    public int end(LogoutNotice notice) {
        ended.record(notice);
        return 0;
    }

    private boolean tooOld(Login login) {
        return login.signedInAt() != null && login.signedInAt().plus(maxLoginAge).isBefore(clock.instant());
    }

    private static PendingLogins pendingOf(WebSession session) {
        return session.attribute(PENDING_ATTRIBUTE) instanceof PendingLogins pending ? pending : PendingLogins.NONE;
    }

    private static Object lockFor(WebSession session) {
        return LOCKS[Math.floorMod(session.id().hashCode(), LOCKS.length)];
    }
}
