package id.satupintu.sdk;

import java.io.Serializable;
import java.time.Instant;

/**
 * A citizen signed in to this application: what the callback produced, kept in the login store
 * (container session or Redis). Serializable for container session persistence.
 *
 * @param subject              the ID token's {@code sub} (pairwise per agency)
 * @param sid                  the provider's session id from the ID token, or null
 * @param idToken              the raw ID token, sent back as {@code id_token_hint} at logout
 * @param accessToken          the access token for calls to APIs and userinfo
 * @param accessTokenExpiresAt when the access token expires
 * @param refreshToken         the refresh token, or null
 * @param claims               the ID token's claims merged with userinfo's
 * @param acr                  the level of assurance reached, or null
 * @param signedInAt           when this application's sign-in completed
 */
public record Login(
        String subject,
        String sid,
        String idToken,
        String accessToken,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Claims claims,
        String acr,
        Instant signedInAt) implements Serializable {

    /** Tokens are secrets: never printed. */
    @Override
    public String toString() {
        return "Login[sid present=" + (sid != null) + ", acr=" + acr + ", signedInAt=" + signedInAt + "]";
    }
}
