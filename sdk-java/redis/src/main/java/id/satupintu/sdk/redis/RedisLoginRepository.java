package id.satupintu.sdk.redis;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.web.LoginRepository;
import id.satupintu.sdk.web.WebExchange;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-ins in Redis, for applications on several nodes without sticky sessions. The browser holds only a
 * random 256-bit handle in a cookie; Redis holds the login under the handle's SHA-256, indexed by provider
 * session ({@code sid}) and citizen ({@code sub}), so that a back-channel logout received by any node deletes
 * the login and the next request on every node finds nothing (OpenID Connect Back-Channel Logout 1.0 §2.7).
 *
 * <p>Keys, all with a TTL, all single-key commands (so a Redis Cluster needs no hash tags):
 * <ul>
 *   <li>{@code satupintu:sdk:<client-id>:login:<sha256(handle)>} — the login (JSON), lives at most the
 *       maximum login age from sign-in</li>
 *   <li>{@code …:pending:<sha256(handle)>} — a hash of pending sign-ins by {@code state}, ten minutes</li>
 *   <li>{@code …:sid:<sha256(sid)>}, {@code …:sub:<sha256(sub)>} — sets of login key ids</li>
 *   <li>{@code …:ended-sid:<sha256(sid)>}, {@code …:ended-sub:<sha256(sub)>} — when that session or citizen
 *       was logged out, so a sign-in completing while the logout runs is ended too</li>
 * </ul>
 */
public final class RedisLoginRepository implements LoginRepository, AutoCloseable {

    /** The cookie holding the browser's handle. */
    public static final String DEFAULT_COOKIE = "SATUPINTU_APP";
    public static final Duration DEFAULT_MAX_LOGIN_AGE = Duration.ofHours(12);

    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_PENDING = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RedisLoginRepository.class);
    /** 32 random bytes in unpadded base64url: exactly 43 characters of that alphabet. */
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisClusterCommands<String, String> redis;
    private final String prefix;
    private final String cookieName;
    private final Clock clock;
    private final Duration maxLoginAge;
    private final Runnable onClose;

    /**
     * @param redis       sync commands of a standalone, Sentinel or Cluster connection
     * @param clientId    the application's client id: applications sharing one Redis never see each other's keys
     * @param maxLoginAge how long a sign-in lasts at most, however active
     */
    public RedisLoginRepository(RedisClusterCommands<String, String> redis, String clientId, String cookieName,
                                Clock clock, Duration maxLoginAge) {
        this.redis = redis;
        this.prefix = "satupintu:sdk:" + clientId + ":";
        this.cookieName = cookieName;
        this.clock = clock;
        this.maxLoginAge = maxLoginAge;
        this.onClose = () -> { };
    }

    private RedisLoginRepository(String redisUri, SatuPintuConfig config) {
        this.redis = RedisConnections.shared(redisUri);
        this.prefix = "satupintu:sdk:" + config.clientId() + ":";
        this.cookieName = DEFAULT_COOKIE;
        this.clock = Clock.systemUTC();
        this.maxLoginAge = DEFAULT_MAX_LOGIN_AGE;
        this.onClose = () -> RedisConnections.release(redisUri);
    }

    /**
     * The repository for {@code satupintu.redis-uri}, on the connection shared with the replay cache;
     * {@link #close} closes that connection (an adapter calls it when its filter is destroyed).
     */
    public static RedisLoginRepository create(SatuPintuConfig config) {
        return new RedisLoginRepository(config.redisUri(), config);
    }

    /** Closes the shared Redis connection when this repository came from {@link #create}; else nothing. */
    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public void savePending(WebExchange exchange, PendingLogin pending) {
        Guarded.run("saving a pending sign-in", () -> doSavePending(exchange, pending));
    }

    private void doSavePending(WebExchange exchange, PendingLogin pending) {
        String handle = handle(exchange).orElseGet(() -> newHandle(exchange));
        String key = pendingKey(handle);
        redis.hset(key, pending.state(), StoredLogins.write(pending));
        redis.pexpire(key, PENDING_LIFETIME.toMillis());
        if (redis.hlen(key) > MAX_PENDING) {
            dropOldestPending(key);
        }
    }

    @Override
    public Optional<PendingLogin> takePending(WebExchange exchange, String state) {
        return Guarded.call("taking a pending sign-in", () -> doTakePending(exchange, state));
    }

    private Optional<PendingLogin> doTakePending(WebExchange exchange, String state) {
        Optional<String> handle = handle(exchange);
        if (handle.isEmpty() || state == null) {
            return Optional.empty();
        }
        String key = pendingKey(handle.get());
        String stored = redis.hget(key, state);
        // HDEL answers 1 to exactly one caller: a callback replayed in parallel, on any node, gets nothing.
        if (stored == null || redis.hdel(key, state) != 1) {
            return Optional.empty();
        }
        PendingLogin pending = readPending(stored);
        if (pending == null || pending.startedAt() == null
                || pending.startedAt().plus(PENDING_LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    @Override
    public Optional<Login> find(WebExchange exchange) {
        return Guarded.call("reading a sign-in", () -> doFind(exchange));
    }

    private Optional<Login> doFind(WebExchange exchange) {
        Optional<String> handle = handle(exchange);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        String stored = redis.get(loginKey(Hashes.sha256(handle.get())));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredLogins.readLogin(stored));
        } catch (RuntimeException e) {
            // Written by an incompatible version or damaged: signing in again is the safe way out.
            LOG.warn("stored login unreadable, treated as signed out: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** A new handle (no fixation: the handle before sign-in never names a login). */
    @Override
    public void save(WebExchange exchange, Login login) {
        Guarded.run("saving a sign-in", () -> doSave(exchange, login));
    }

    private void doSave(WebExchange exchange, Login login) {
        Optional<String> previous = handle(exchange);
        String id = Hashes.sha256(newHandle(exchange));
        long ttl = remainingMillis(login);
        // Indexes first: a logout that runs between the two writes still finds the login through them.
        index(sidKey(login.sid()), id);
        index(subKey(login.subject()), id);
        redis.set(loginKey(id), StoredLogins.write(login), SetArgs.Builder.px(Math.max(ttl, 1)));
        if (ttl <= 0 || endedWhileSaving(login)) {
            redis.del(loginKey(id));
        }
        previous.ifPresent(handle -> redis.del(loginKey(Hashes.sha256(handle))));
    }

    @Override
    public void update(WebExchange exchange, Login login) {
        Guarded.run("updating a sign-in", () -> doUpdate(exchange, login));
    }

    private void doUpdate(WebExchange exchange, Login login) {
        Optional<String> handle = handle(exchange);
        long ttl = remainingMillis(login);
        if (handle.isPresent() && ttl > 0) {
            // XX: only while it exists, so a refresh racing a back-channel logout cannot bring the login back.
            redis.set(loginKey(Hashes.sha256(handle.get())), StoredLogins.write(login), SetArgs.Builder.xx().px(ttl));
        }
    }

    @Override
    public void remove(WebExchange exchange) {
        Guarded.run("removing a sign-in", () -> doRemove(exchange));
    }

    private void doRemove(WebExchange exchange) {
        Optional<String> handle = handle(exchange);
        if (handle.isPresent()) {
            redis.del(loginKey(Hashes.sha256(handle.get())));
            redis.del(pendingKey(handle.get()));
        }
        exchange.setCookie(cookieName, "", Duration.ZERO);
    }

    @Override
    public int end(LogoutNotice notice) {
        return Guarded.call("ending sign-ins", () -> doEnd(notice));
    }

    private int doEnd(LogoutNotice notice) {
        if (notice.sid() != null) {
            return endAll(sidKey(notice.sid()), endedSidKey(notice.sid()));
        }
        if (notice.subject() != null) {
            return endAll(subKey(notice.subject()), endedSubKey(notice.subject()));
        }
        return 0;
    }

    private int endAll(String indexKey, String endedKey) {
        // The mark first, then the deletions: see endedWhileSaving.
        redis.set(endedKey, Long.toString(clock.millis()), SetArgs.Builder.px(maxLoginAge.toMillis()));
        int ended = 0;
        for (String id : redis.smembers(indexKey)) {
            ended += redis.del(loginKey(id)).intValue();
            redis.srem(indexKey, id);
        }
        return ended;
    }

    /**
     * A logout of this sid, or of this citizen after this sign-in began, ran while the login was being written:
     * it may have read the index before the login key existed.
     */
    private boolean endedWhileSaving(Login login) {
        if (login.sid() != null && redis.get(endedSidKey(login.sid())) != null) {
            return true;
        }
        String subjectEnded = login.subject() == null ? null : redis.get(endedSubKey(login.subject()));
        return subjectEnded != null && (login.signedInAt() == null
                || !login.signedInAt().isAfter(Instant.ofEpochMilli(Long.parseLong(subjectEnded))));
    }

    private void index(String key, String id) {
        if (key != null) {
            redis.sadd(key, id);
            redis.pexpire(key, maxLoginAge.toMillis());
        }
    }

    private void dropOldestPending(String key) {
        Map<String, String> all = redis.hgetall(key);
        all.entrySet().stream()
                .sorted(Comparator.comparing(entry -> startedAt(entry.getValue())))
                .limit(Math.max(0, all.size() - MAX_PENDING))
                .forEach(entry -> redis.hdel(key, entry.getKey()));
    }

    private static Instant startedAt(String stored) {
        PendingLogin pending = readPending(stored);
        return pending == null || pending.startedAt() == null ? Instant.EPOCH : pending.startedAt();
    }

    private static PendingLogin readPending(String stored) {
        try {
            return StoredLogins.readPending(stored);
        } catch (RuntimeException e) {
            LOG.warn("stored pending sign-in unreadable, ignored: {}", e.getMessage());
            return null;
        }
    }

    private long remainingMillis(Login login) {
        Instant signedIn = login.signedInAt() == null ? clock.instant() : login.signedInAt();
        return Duration.between(clock.instant(), signedIn.plus(maxLoginAge)).toMillis();
    }

    private Optional<String> handle(WebExchange exchange) {
        return exchange.cookie(cookieName).filter(value -> HANDLE.matcher(value).matches());
    }

    private String newHandle(WebExchange exchange) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        exchange.setCookie(cookieName, handle, null);
        return handle;
    }

    private String loginKey(String id) {
        return prefix + "login:" + id;
    }

    private String pendingKey(String handle) {
        return prefix + "pending:" + Hashes.sha256(handle);
    }

    private String sidKey(String sid) {
        return sid == null ? null : prefix + "sid:" + Hashes.sha256(sid);
    }

    private String subKey(String subject) {
        return subject == null ? null : prefix + "sub:" + Hashes.sha256(subject);
    }

    private String endedSidKey(String sid) {
        return prefix + "ended-sid:" + Hashes.sha256(sid);
    }

    private String endedSubKey(String subject) {
        return prefix + "ended-sub:" + Hashes.sha256(subject);
    }
}
