package id.satupintu.idp.citizen.contact.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import id.satupintu.idp.citizen.contact.OneTimeCodeStore;
import id.satupintu.idp.citizen.contact.StoredOneTimeCode;

/**
 * Codes shared by all nodes: one hash per key, expiring at its retention time ({@code PEXPIREAT}).
 * Writes and counting are Lua scripts, so that no key is ever left without its TTL.
 */
public class RedisOneTimeCodeStore implements OneTimeCodeStore {

    static final String PREFIX = "satupintu:contact-code:";

    private static final RedisScript<Long> SAVE = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'destination', ARGV[1], 'salt', ARGV[2], 'hash', ARGV[3],
                'expires', ARGV[4], 'failed', ARGV[5], 'sent', ARGV[6], 'sends', ARGV[7])
            redis.call('PEXPIREAT', KEYS[1], ARGV[8])
            return 1
            """, Long.class);

    /** Counts a failure only on an existing code: HINCRBY alone would create a key without TTL. */
    private static final RedisScript<Long> FAIL = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            return redis.call('HINCRBY', KEYS[1], 'failed', 1)
            """, Long.class);

    private final StringRedisTemplate redis;

    public RedisOneTimeCodeStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void save(String key, StoredOneTimeCode code, Instant retainUntil) {
        redis.execute(SAVE, List.of(PREFIX + key), code.destination(), code.salt(), code.codeHash(),
                Long.toString(code.expiresAt().toEpochMilli()), Integer.toString(code.failedAttempts()),
                Long.toString(code.lastSentAt().toEpochMilli()), Integer.toString(code.sends()),
                Long.toString(retainUntil.toEpochMilli()));
    }

    @Override
    public Optional<StoredOneTimeCode> find(String key, Instant now) {
        Map<Object, Object> fields = redis.opsForHash().entries(PREFIX + key);
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredOneTimeCode((String) fields.get("destination"), (String) fields.get("salt"),
                (String) fields.get("hash"), Instant.ofEpochMilli(Long.parseLong((String) fields.get("expires"))),
                Integer.parseInt((String) fields.get("failed")),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get("sent"))),
                Integer.parseInt((String) fields.get("sends"))));
    }

    @Override
    public int recordFailedAttempt(String key) {
        Long failed = redis.execute(FAIL, List.of(PREFIX + key));
        return failed == null ? 0 : failed.intValue();
    }

    @Override
    public void delete(String key) {
        redis.delete(PREFIX + key);
    }
}
