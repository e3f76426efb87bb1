package id.satupintu.idp.oidc.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * An authorization as it is stored: every token value and the consent state replaced by its hash
 * placeholder ({@link TokenHash#placeholder()}), with the hashes by kind for indexing.
 *
 * @param authorization the authorization holding placeholders only
 * @param hashes the hash of each secret the authorization holds
 */
public record HashedAuthorization(OAuth2Authorization authorization, Map<GrantTokenKind, TokenHash> hashes) {

    public HashedAuthorization {
        EnumMap<GrantTokenKind, TokenHash> copy = new EnumMap<>(GrantTokenKind.class);
        copy.putAll(hashes);
        hashes = Collections.unmodifiableMap(copy);
    }

    public String id() {
        return authorization.getId();
    }

    public Optional<TokenHash> hashOf(GrantTokenKind kind) {
        return Optional.ofNullable(hashes.get(kind));
    }

    public Optional<GrantTokenKind> kindOf(TokenHash hash) {
        return hashes.entrySet().stream().filter(e -> e.getValue().equals(hash)).map(Map.Entry::getKey).findFirst();
    }

    /** A refresh grant is durable: it lives in the database until its refresh token expires. */
    public boolean isRefreshGrant() {
        return hashes.containsKey(GrantTokenKind.REFRESH_TOKEN);
    }

    /**
     * @return the hashes the ephemeral store indexes: all but the refresh token, whose lookups go to the
     *         database where rotation and reuse are decided
     */
    public Set<TokenHash> ephemeralIndex() {
        return hashes.entrySet().stream().filter(e -> e.getKey() != GrantTokenKind.REFRESH_TOKEN)
                .map(Map.Entry::getValue).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * How long the ephemeral copy must live: until the last of its code, access token and ID token
     * expires, so a reused code is still recognised while the tokens issued from it live
     * (RFC 6749 §4.1.2). An authorization holding no token yet (awaiting consent) lives
     * {@code inFlightLifetime}.
     *
     * @return a positive duration, or zero when nothing left in it can still be used
     */
    public Duration ephemeralLifetime(Instant now, Duration inFlightLifetime) {
        Instant lastExpiry = null;
        for (GrantTokenKind kind : hashes.keySet()) {
            if (kind.tokenClass() == null || kind == GrantTokenKind.REFRESH_TOKEN) {
                continue;
            }
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(kind.tokenClass());
            Instant expiresAt = token.getToken().getExpiresAt();
            Instant candidate = expiresAt != null ? expiresAt : now.plus(inFlightLifetime);
            if (lastExpiry == null || candidate.isAfter(lastExpiry)) {
                lastExpiry = candidate;
            }
        }
        if (lastExpiry == null) {
            return inFlightLifetime;
        }
        Duration remaining = Duration.between(now, lastExpiry);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** @return when the refresh token expires; only for refresh grants */
    public Instant refreshTokenExpiresAt() {
        OAuth2Authorization.Token<?> refresh = authorization.getRefreshToken();
        if (refresh == null) {
            throw new IllegalStateException("not a refresh grant");
        }
        Instant expiresAt = refresh.getToken().getExpiresAt();
        // a refresh token without expiry would keep its grant forever; treat it as a configuration error
        if (expiresAt == null) {
            throw new IllegalArgumentException("refresh tokens must expire");
        }
        return expiresAt;
    }
}
