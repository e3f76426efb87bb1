package id.satupintu.sdk.web;

import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuConfig;

/**
 * Service-provider interface ({@link java.util.ServiceLoader}) through which a store module such as
 * {@code satupintu-sdk-redis} offers its login repository and replay cache.
 */
public interface LoginRepositoryProvider {

    /** @return the {@code satupintu.session-store} value this provider serves, e.g. {@code redis} */
    String name();

    LoginRepository loginRepository(SatuPintuConfig config);

    ReplayCache replayCache(SatuPintuConfig config);
}
