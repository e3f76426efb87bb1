package id.satupintu.idp.oidc.grant.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import id.satupintu.idp.oidc.grant.EphemeralAuthorization;
import id.satupintu.idp.oidc.grant.EphemeralAuthorizationStore;
import id.satupintu.idp.oidc.grant.TokenHash;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Ephemeral authorizations in Redis (Lettuce through Spring Data Redis). Keys, each with a TTL:
 * <ul>
 * <li>{@code satupintu:authz:id:<id>} → serialized hashed authorization</li>
 * <li>{@code satupintu:authz:token:<hash>} → authorization id</li>
 * <li>{@code satupintu:authz:citizen:<principal>} → set of authorization ids, for revoking a citizen</li>
 * </ul>
 * A write is one pipelined round trip; every command touches a single key, so the layout also works
 * on Redis Cluster.
 */
public class RedisEphemeralAuthorizationStore implements EphemeralAuthorizationStore {

    static final String RECORD_PREFIX = "satupintu:authz:id:";
    static final String TOKEN_PREFIX = "satupintu:authz:token:";
    static final String CITIZEN_PREFIX = "satupintu:authz:citizen:";

    /**
     * Adds an id to a citizen's set and extends (never shortens) the set's TTL. A script because
     * {@code PEXPIRE … GT} needs Redis 7 and the set must outlive its longest member.
     */
    private static final byte[] ADD_TO_CITIZEN = utf8("""
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1""");

    private final RedisTemplate<String, byte[]> redis;

    public RedisEphemeralAuthorizationStore(RedisConnectionFactory connectionFactory) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connectionFactory);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.setHashKeySerializer(RedisSerializer.string());
        template.setHashValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        this.redis = template;
    }

    @Override
    public void put(EphemeralAuthorization entry) {
        long ttlMillis = entry.timeToLive().toMillis();
        Expiration expiration = Expiration.milliseconds(Math.max(ttlMillis, 1));
        byte[] id = utf8(entry.id());
        redis.executePipelined((RedisCallback<Object>) connection -> {
            connection.stringCommands().set(utf8(RECORD_PREFIX + entry.id()), entry.snapshot(), expiration,
                    SetOption.upsert());
            for (TokenHash hash : entry.indexedBy()) {
                connection.stringCommands().set(tokenKey(hash), id, expiration, SetOption.upsert());
            }
            if (entry.citizen() != null) {
                connection.scriptingCommands().eval(ADD_TO_CITIZEN, ReturnType.INTEGER, 1,
                        utf8(CITIZEN_PREFIX + entry.citizen()), id, utf8(Long.toString(expiration.getExpirationTime())));
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> findById(String id) {
        return Optional.ofNullable(redis.opsForValue().get(RECORD_PREFIX + id));
    }

    @Override
    public Optional<byte[]> findByTokenHash(TokenHash hash) {
        byte[] id = redis.execute((RedisConnection connection) -> connection.stringCommands().get(tokenKey(hash)));
        return id == null ? Optional.empty() : findById(new String(id, StandardCharsets.UTF_8));
    }

    @Override
    public void remove(String id, Collection<TokenHash> indexedBy, String citizen) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            connection.keyCommands().del(utf8(RECORD_PREFIX + id));
            for (TokenHash hash : indexedBy) {
                connection.keyCommands().del(tokenKey(hash));
            }
            if (citizen != null) {
                connection.setCommands().sRem(utf8(CITIZEN_PREFIX + citizen), utf8(id));
            }
            return null;
        });
    }

    @Override
    public Set<String> idsOfCitizen(String citizen) {
        Set<byte[]> members = redis.execute(
                (RedisConnection connection) -> connection.setCommands().sMembers(utf8(CITIZEN_PREFIX + citizen)));
        if (members == null) {
            return Set.of();
        }
        return members.stream().map(m -> new String(m, StandardCharsets.UTF_8)).collect(Collectors.toUnmodifiableSet());
    }

    private static byte[] tokenKey(TokenHash hash) {
        return utf8(TOKEN_PREFIX + hash.value());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
