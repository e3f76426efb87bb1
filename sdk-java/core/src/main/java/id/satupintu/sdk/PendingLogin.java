package id.satupintu.sdk;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in this browser started and has not finished: kept in the browser's session until the
 * callback, used once. Binds {@code state}, {@code nonce} and the PKCE verifier (RFC 7636) to the
 * browser that started it.
 *
 * @param returnTo where to send the citizen after sign-in: a path within the application only
 *                 (never an absolute URL, so no open redirect)
 */
public record PendingLogin(
        String state,
        String nonce,
        String codeVerifier,
        String redirectUri,
        String returnTo,
        Instant startedAt) implements Serializable {

    @Override
    public String toString() {
        return "PendingLogin[startedAt=" + startedAt + "]";
    }
}
