package id.satupintu.sdk.web;

import id.satupintu.sdk.Login;
import id.satupintu.sdk.SatuPintuClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Refreshes a login once however many of its requests arrive together. A page that loads twenty resources
 * just as its access token expires must not spend its refresh token twenty times: with refresh-token
 * rotation (RFC 9700 §4.14.2) the second use looks like theft and the provider revokes the whole grant.
 */
final class Refresher {

    private final SatuPintuClient client;
    private final ConcurrentMap<String, CompletableFuture<Login>> inFlight = new ConcurrentHashMap<>();

    Refresher(SatuPintuClient client) {
        this.client = client;
    }

    /** @throws id.satupintu.sdk.SatuPintuException as {@link SatuPintuClient#refresh} does */
    Login refresh(Login login) {
        CompletableFuture<Login> mine = new CompletableFuture<>();
        CompletableFuture<Login> running = inFlight.putIfAbsent(login.refreshToken(), mine);
        if (running != null) {
            return await(running);
        }
        try {
            Login refreshed = client.refresh(login);
            mine.complete(refreshed);
            return refreshed;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(login.refreshToken(), mine);
        }
    }

    private static Login await(CompletableFuture<Login> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
