package id.satupintu.idp.saml.binding.store.redis;

import java.util.Optional;

import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.PostedMessageCodec;
import id.satupintu.idp.saml.binding.PostedMessages;
import id.satupintu.idp.store.Sha256;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Parked messages shared by every node: one key per message with a TTL of
 * {@link PostedMessages#TIME_TO_LIVE}, claimed with {@code GETDEL} so only one request gets it.
 * Keys hold the handle's SHA-256: whoever can read Redis cannot replay a handle.
 */
public class RedisPostedMessages implements PostedMessages {

    public static final String PREFIX = "satupintu:saml:posted:";

    private final StringRedisTemplate redis;

    public RedisPostedMessages(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public String park(InboundMessage message) {
        String handle = PostedMessageCodec.newHandle();
        redis.opsForValue().set(key(handle), PostedMessageCodec.encode(message), TIME_TO_LIVE);
        return handle;
    }

    @Override
    public Optional<InboundMessage> claim(String handle) {
        if (!PostedMessageCodec.isWellFormed(handle)) {
            return Optional.empty();
        }
        String stored = redis.opsForValue().getAndDelete(key(handle));
        return stored == null ? Optional.empty() : PostedMessageCodec.decode(stored);
    }

    private static String key(String handle) {
        return PREFIX + Sha256.base64Url(handle);
    }
}
