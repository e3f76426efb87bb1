package id.satupintu.sdk.token;

import id.satupintu.sdk.Claims;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A bearer access token that passed verification.
 *
 * @param subject  {@code sub}
 * @param clientId {@code client_id} (RFC 9068 §2.2), else {@code azp}, or null
 * @param scopes   {@code scope} split on spaces
 */
public record VerifiedAccessToken(
        String subject,
        String clientId,
        Set<String> scopes,
        List<String> audiences,
        Instant expiresAt,
        Claims claims) {

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
