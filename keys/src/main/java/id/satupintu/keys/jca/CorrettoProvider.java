package id.satupintu.keys.jca;

import java.security.Provider;
import java.util.Optional;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Loads the Amazon Corretto Crypto Provider and tells whether it can be used: its native library
 * loaded ({@code getLoadingError() == null}) and its own self-tests pass ({@code assertHealthy()}).
 * Its jar may also be missing (excluded by a deployment), which this reports the same way.
 */
final class CorrettoProvider {

    private CorrettoProvider() {
    }

    /** The outcome of one attempt: the provider, or why there is none (never a key or secret). */
    record Loading(Optional<Provider> provider, String description) {
    }

    static Loading load() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable error = accp.getLoadingError();
            if (error != null) {
                return unavailable("native library did not load: " + error);
            }
            accp.assertHealthy();
            return new Loading(Optional.of(accp), accp.getName() + " " + accp.getVersionStr());
        } catch (LinkageError e) {
            return unavailable("not on the class path or not loadable here: " + e);
        } catch (RuntimeException e) {
            return unavailable("failed its health check: " + e);
        }
    }

    private static Loading unavailable(String why) {
        return new Loading(Optional.empty(), "Amazon Corretto Crypto Provider unavailable, " + why);
    }
}
