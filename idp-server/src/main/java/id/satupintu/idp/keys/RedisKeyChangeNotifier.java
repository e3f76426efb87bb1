package id.satupintu.idp.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Publishes the new revision on {@value KeyChangeNotifier#CHANNEL}; a Redis outage only delays the others to their next poll. */
public final class RedisKeyChangeNotifier implements KeyChangeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(RedisKeyChangeNotifier.class);

    private final StringRedisTemplate redis;

    public RedisKeyChangeNotifier(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void ringChanged(long revision) {
        try {
            redis.convertAndSend(CHANNEL, Long.toString(revision));
        } catch (RuntimeException e) {
            LOG.warn("could not notify other nodes of key ring revision {}; they pick it up at their next poll: {}",
                    revision, e.toString());
        }
    }
}
