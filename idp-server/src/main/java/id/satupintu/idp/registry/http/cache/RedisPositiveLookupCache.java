package id.satupintu.idp.registry.http.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import id.satupintu.idp.registry.Nik;
import id.satupintu.idp.registry.RegistryRecord;
import id.satupintu.idp.registry.http.MalformedRegistryMessageException;
import id.satupintu.idp.registry.http.RegistryWireFormat;
import id.satupintu.idp.store.Sha256;

/**
 * The cache shared by every node: one key per NIK with the cache's TTL. The key holds the NIK's
 * SHA-256, never the NIK itself, so key listings, slow logs and {@code MONITOR} output do not show
 * NIKs. The value is {@code <version>|<record as registry JSON>}; the version in front lets a Lua
 * script replace an entry with a newer record atomically, keeping its remaining TTL.
 */
public class RedisPositiveLookupCache implements PositiveLookupCache {

    public static final String PREFIX = "satupintu:registry:person:";

    private static final DefaultRedisScript<Long> REFRESH_IF_NEWER = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if not current then return 0 end
            local bar = string.find(current, '|', 1, true)
            local version = bar and tonumber(string.sub(current, 1, bar - 1))
            if version and version >= tonumber(ARGV[1]) then return 0 end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl <= 0 then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ttl)
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Duration ttl;

    public RedisPositiveLookupCache(StringRedisTemplate redis, Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    @Override
    public Optional<RegistryRecord> get(Nik nik) {
        String value = redis.opsForValue().get(key(nik));
        if (value == null) {
            return Optional.empty();
        }
        try {
            RegistryRecord record = RegistryWireFormat.parseRecord(
                    value.substring(value.indexOf('|') + 1).getBytes(StandardCharsets.UTF_8));
            return record.nik().equals(nik) ? Optional.of(record) : Optional.empty();
        } catch (MalformedRegistryMessageException | StringIndexOutOfBoundsException e) {
            // written by an older or foreign format: a miss, and the registry's answer replaces it
            return Optional.empty();
        }
    }

    @Override
    public void put(RegistryRecord record) {
        redis.opsForValue().set(key(record.nik()), value(record), ttl);
    }

    @Override
    public void refresh(RegistryRecord newer) {
        redis.execute(REFRESH_IF_NEWER, List.of(key(newer.nik())), Long.toString(newer.version()), value(newer));
    }

    static String key(Nik nik) {
        return PREFIX + Sha256.base64Url(nik.value());
    }

    private static String value(RegistryRecord record) {
        return record.version() + "|" + new String(RegistryWireFormat.writeRecord(record), StandardCharsets.UTF_8);
    }
}
