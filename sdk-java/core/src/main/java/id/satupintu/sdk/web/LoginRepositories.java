package id.satupintu.sdk.web;

import id.satupintu.sdk.Failure;
import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuConfig;
import id.satupintu.sdk.SatuPintuException;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the login repository the configuration names: {@code container} gives
 * {@link ContainerSessionLogins}; {@code redis} loads {@code id.satupintu.sdk.redis.RedisLoginRepository}
 * through {@link java.util.ServiceLoader} (module {@code satupintu-sdk-redis} on the classpath), with a
 * clear configuration error when it is missing.
 */
public final class LoginRepositories {

    static final String CONTAINER = "container";

    private LoginRepositories() {
    }

    /** @throws SatuPintuException {@link Failure#CONFIGURATION} when no module serves the named store */
    public static LoginRepository forConfig(SatuPintuConfig config) {
        String store = storeName(config);
        if (store.equals(CONTAINER)) {
            return new ContainerSessionLogins();
        }
        return provider(store).loginRepository(config);
    }

    /**
     * The replay cache that belongs with the configured store, for
     * {@link id.satupintu.sdk.SatuPintuClient#create(SatuPintuConfig, ReplayCache)}: a logout token replayed
     * to another node of a cluster must be refused there too.
     *
     * @return empty for the container store (the client's in-memory cache is right for one node)
     * @throws SatuPintuException {@link Failure#CONFIGURATION} when no module serves the named store
     */
    public static Optional<ReplayCache> replayCacheFor(SatuPintuConfig config) {
        String store = storeName(config);
        return store.equals(CONTAINER) ? Optional.empty() : Optional.of(provider(store).replayCache(config));
    }

    private static String storeName(SatuPintuConfig config) {
        String store = config.sessionStore();
        return store == null || store.isBlank() ? CONTAINER : store.trim();
    }

    private static LoginRepositoryProvider provider(String store) {
        // The SDK may sit in a shared library folder while the store module is in the application's own
        // (WEB-INF/lib): look through the thread's class loader first, then the SDK's.
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                LoginRepositories.class.getClassLoader()}) {
            for (LoginRepositoryProvider provider : ServiceLoader.load(LoginRepositoryProvider.class, loader)) {
                if (provider.name().equals(store)) {
                    return provider;
                }
            }
        }
        String module = store.equals("redis") ? "satupintu-sdk-redis" : "a module providing it";
        throw new SatuPintuException(Failure.CONFIGURATION, "satupintu.session-store=" + store
                + " needs " + module + " on the classpath (no " + LoginRepositoryProvider.class.getName()
                + " named '" + store + "' found)");
    }
}
