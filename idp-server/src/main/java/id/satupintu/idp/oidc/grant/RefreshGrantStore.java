package id.satupintu.idp.oidc.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable refresh grants (DESIGN.md "Where data lives": PostgreSQL, H2 in the quickstart), with the
 * hashes of the refresh tokens each grant has superseded, kept until the grant ends so that a replayed
 * one is recognised (RFC 9700 §4.14.2).
 */
public interface RefreshGrantStore {

    /**
     * Inserts or updates a grant. When the refresh token changed, the previous one's hash joins the
     * grant's superseded hashes. Concurrent saves of one grant are serialised.
     */
    void save(RefreshGrant grant);

    Optional<RefreshGrant> findById(String id);

    /**
     * @param kind which current hash to match; null matches any of them
     */
    Optional<RefreshGrant> findByCurrentHash(TokenHash hash, GrantTokenKind kind);

    /** @return the id of the grant that once issued this (since rotated) refresh token */
    Optional<String> findIdBySupersededRefreshToken(TokenHash hash);

    List<String> findIdsByPrincipal(String principalName);

    void delete(String id);

    /** Deletes grants (and their superseded hashes) whose refresh token expired before {@code now}. */
    int deleteExpired(Instant now);
}
