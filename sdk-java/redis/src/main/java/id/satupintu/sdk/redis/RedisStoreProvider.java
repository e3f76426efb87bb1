package id.satupintu.sdk.redis;

import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.web.LoginRepository;
import id.satupintu.sdk.web.LoginRepositoryProvider;

/**
 * Offers the Redis store as {@code satupintu.session-store=redis} through {@link java.util.ServiceLoader}:
 * putting this module on the classpath and setting the property is all an application does.
 */
public final class RedisStoreProvider implements LoginRepositoryProvider {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public LoginRepository loginRepository(SatuPintuConfig config) {
        return RedisLoginRepository.create(config);
    }

    @Override
    public ReplayCache replayCache(SatuPintuConfig config) {
        return RedisReplayCache.create(config);
    }
}
