package id.satupintu.sdk.web;

import id.satupintu.sdk.SatuPintuConfig;

/**
 * Picks the login repository the configuration names: {@code container} gives
 * {@link ContainerSessionLogins}; {@code redis} loads {@code id.satupintu.sdk.redis.RedisLoginRepository}
 * through {@link java.util.ServiceLoader} (module {@code satupintu-sdk-redis} on the classpath), with a
 * clear configuration error when it is missing.
 */
public final class LoginRepositories {

    private LoginRepositories() {
    }

    public static LoginRepository forConfig(SatuPintuConfig config) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }
}
