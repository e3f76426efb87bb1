package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import java.util.Optional;

/**
 * Where the application keeps sign-ins between requests: the container session
 * ({@link ContainerSessionLogins}) or Redis for clustered applications (module {@code satupintu-sdk-redis}).
 */
public interface LoginRepository {

    /** Remembers a started sign-in for this browser (several may be pending, one per tab). */
    void savePending(WebExchange exchange, PendingLogin pending);

    /** @return the pending sign-in with this state, removed so that it is used once */
    Optional<PendingLogin> takePending(WebExchange exchange, String state);

    /** @return this browser's sign-in, unless it ended (logout, back-channel logout, expiry) */
    Optional<Login> find(WebExchange exchange);

    /** Keeps a new sign-in for this browser under a fresh session id (no fixation). */
    void save(WebExchange exchange, Login login);

    /** Replaces this browser's sign-in after a refresh. */
    void update(WebExchange exchange, Login login);

    /** Ends this browser's sign-in. */
    void remove(WebExchange exchange);

    /**
     * Ends every sign-in of the provider session ({@code sid}) or, without {@code sid}, of the citizen
     * ({@code sub}), wherever the browser is: later requests of those browsers are signed out.
     *
     * @return how many sign-ins ended
     */
    int end(LogoutNotice notice);
}
