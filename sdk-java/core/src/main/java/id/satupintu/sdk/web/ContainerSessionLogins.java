package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.PendingLogin;
import java.util.Optional;

/**
 * Sign-ins kept in the container's HTTP session. Back-channel logout marks the provider session
 * ({@code sid}) or citizen ({@code sub}) as ended in this node's memory; the next request of a matching
 * session is signed out and its container session invalidated. One node (or sticky sessions) only:
 * clustered applications use the Redis repository.
 */
public final class ContainerSessionLogins implements LoginRepository {

    @Override
    public void savePending(WebExchange exchange, PendingLogin pending) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public Optional<PendingLogin> takePending(WebExchange exchange, String state) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public Optional<Login> find(WebExchange exchange) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public void save(WebExchange exchange, Login login) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public void update(WebExchange exchange, Login login) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public void remove(WebExchange exchange) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public int end(LogoutNotice notice) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }
}
