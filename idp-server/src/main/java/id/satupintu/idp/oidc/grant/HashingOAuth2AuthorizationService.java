package id.satupintu.idp.oidc.grant;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.util.Assert;

/**
 * The authorization server's {@link OAuth2AuthorizationService}, split by lifetime (DESIGN.md "Where data
 * lives") and storing tokens only as SHA-256 hashes.
 *
 * <ul>
 * <li>Every authorization is written to the {@link EphemeralAuthorizationStore}, indexed by the hashes of
 * its consent state, code, access token and ID token, and expiring with the last of them. A
 * {@code client_credentials} token therefore costs one ephemeral write and no database round trip, and
 * userinfo and introspection are answered from the ephemeral store.</li>
 * <li>An authorization holding a refresh token (a refresh grant) is also written to the
 * {@link RefreshGrantStore}, which outlives the access token and is the only place refresh tokens are
 * looked up.</li>
 * <li>Refresh-token rotation with reuse detection (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1): presenting a
 * refresh token the grant has since rotated away from invalidates every token of the grant, records
 * {@code token.refresh_reuse}, and finds nothing, so Spring answers {@code invalid_grant}.</li>
 * <li>A used authorization code stays findable while the tokens issued from it live, so Spring's
 * {@code OAuth2AuthorizationCodeAuthenticationProvider} can revoke them on reuse (RFC 6749 §4.1.2).</li>
 * </ul>
 *
 * <p>Found authorizations carry the presented value in the token that matched and a hash placeholder in
 * every other one; {@link #save} accepts them back unchanged.
 */
public class HashingOAuth2AuthorizationService implements OAuth2AuthorizationService {

    /** Audit event type of a replayed (superseded) refresh token. */
    public static final String REFRESH_REUSE_EVENT = "token.refresh_reuse";
    /** Audit event type of revoking every grant of a citizen. */
    public static final String CITIZEN_REVOCATION_EVENT = "grant.revoked_for_citizen";

    private static final Logger LOG = LoggerFactory.getLogger(HashingOAuth2AuthorizationService.class);

    private final EphemeralAuthorizationStore ephemeral;
    private final RefreshGrantStore refreshGrants;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration inFlightLifetime;
    private final AuthorizationHasher hasher = new AuthorizationHasher();
    private final PresentedTokenRestorer restorer = new PresentedTokenRestorer();
    private final AuthorizationSerializer serializer = new AuthorizationSerializer();
    private final GrantInvalidator invalidator = new GrantInvalidator();

    public HashingOAuth2AuthorizationService(EphemeralAuthorizationStore ephemeral, RefreshGrantStore refreshGrants,
                                             AuditLog auditLog, Clock clock, Duration inFlightLifetime) {
        this.ephemeral = ephemeral;
        this.refreshGrants = refreshGrants;
        this.auditLog = auditLog;
        this.clock = clock;
        this.inFlightLifetime = inFlightLifetime;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        HashedAuthorization hashed = hasher.hash(authorization);
        byte[] snapshot = serializer.serialize(hashed.authorization());
        if (hashed.isRefreshGrant()) {
            // durable first: if the ephemeral write then fails, the grant is still there to refresh
            refreshGrants.save(RefreshGrant.of(hashed, snapshot));
        }
        Duration lifetime = hashed.ephemeralLifetime(clock.instant(), inFlightLifetime);
        String citizen = citizenPrincipalOf(authorization);
        if (lifetime.isZero()) {
            ephemeral.remove(hashed.id(), hashed.ephemeralIndex(), citizen);
        } else {
            ephemeral.put(new EphemeralAuthorization(hashed.id(), snapshot, hashed.ephemeralIndex(), citizen, lifetime));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        Assert.notNull(authorization, "authorization cannot be null");
        HashedAuthorization hashed = hasher.hash(authorization);
        Set<TokenHash> indexes = new HashSet<>(hashed.ephemeralIndex());
        // the stored version may hold hashes the caller's copy no longer has
        ephemeral.findById(hashed.id()).flatMap(serializer::deserialize).map(hasher::hash)
                .ifPresent(stored -> indexes.addAll(stored.ephemeralIndex()));
        ephemeral.remove(hashed.id(), indexes, citizenPrincipalOf(authorization));
        // tokens are never taken out of an authorization, so one without a refresh token was never durable
        if (hashed.isRefreshGrant()) {
            refreshGrants.delete(hashed.id());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        Assert.hasText(id, "id cannot be empty");
        return ephemeral.findById(id).flatMap(serializer::deserialize)
                .or(() -> refreshGrants.findById(id).flatMap(grant -> serializer.deserialize(grant.snapshot())))
                .orElse(null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        Assert.hasText(token, "token cannot be empty");
        GrantTokenKind wanted = null;
        if (tokenType != null) {
            Optional<GrantTokenKind> kind = GrantTokenKind.of(tokenType);
            if (kind.isEmpty()) {
                return null;
            }
            wanted = kind.get();
        }
        TokenHash hash = TokenHash.of(token);
        if (wanted != GrantTokenKind.REFRESH_TOKEN) {
            Optional<OAuth2Authorization> found = findEphemeral(hash, wanted, token);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (wanted != GrantTokenKind.STATE) {
            Optional<OAuth2Authorization> found = findDurable(hash, wanted, token);
            if (found.isPresent()) {
                return found.get();
            }
        }
        if (wanted == GrantTokenKind.REFRESH_TOKEN) {
            refreshGrants.findIdBySupersededRefreshToken(hash).ifPresent(this::revokeReusedGrant);
        }
        return null;
    }

    /**
     * Invalidates every grant of a citizen, e.g. when the population registry reports a death.
     * Refresh grants stay recorded as invalidated until they expire (a replay is still recognised);
     * in-flight authorizations are removed.
     *
     * @return how many grants this call revoked; grants revoked before (by an earlier call, say) are not
     *         rewritten or counted, so a repeated call returns 0
     */
    public int revokeAllForCitizen(String principalName) {
        int revoked = revokeForCitizen(principalName, null);
        auditLog.record(AuditEvent.success(CITIZEN_REVOCATION_EVENT, null, citizenIdOf(principalName), null,
                Map.of("grants", Integer.toString(revoked))));
        return revoked;
    }

    /**
     * Invalidates a citizen's grants to one client, as {@link #revokeAllForCitizen} does for all of
     * them: the citizen withdrew consent from that client. The caller audits the withdrawal.
     *
     * @return how many grants were revoked
     */
    public int revokeForCitizenAndClient(String principalName, String registeredClientId) {
        Assert.hasText(registeredClientId, "registeredClientId cannot be empty");
        return revokeForCitizen(principalName, registeredClientId);
    }

    /** @param registeredClientId only this client's grants; null for all */
    private int revokeForCitizen(String principalName, String registeredClientId) {
        Assert.hasText(principalName, "principalName cannot be empty");
        Set<String> ids = new LinkedHashSet<>(refreshGrants.findIdsByPrincipal(principalName));
        ids.addAll(ephemeral.idsOfCitizen(principalName));
        int revoked = 0;
        for (String id : ids) {
            OAuth2Authorization authorization = findById(id);
            if (authorization == null || !principalName.equals(authorization.getPrincipalName())
                    || registeredClientId != null && !registeredClientId.equals(authorization.getRegisteredClientId())) {
                continue;
            }
            if (authorization.getRefreshToken() != null) {
                if (invalidator.isAllInvalidated(authorization)) {
                    continue;
                }
                save(invalidator.invalidateAll(authorization));
            } else {
                remove(authorization);
            }
            revoked++;
        }
        return revoked;
    }

    private Optional<OAuth2Authorization> findEphemeral(TokenHash hash, GrantTokenKind wanted, String presented) {
        return ephemeral.findByTokenHash(hash).flatMap(serializer::deserialize)
                .flatMap(stored -> restoreIfMatching(stored, hash, wanted, presented));
    }

    private Optional<OAuth2Authorization> findDurable(TokenHash hash, GrantTokenKind wanted, String presented) {
        return refreshGrants.findByCurrentHash(hash, wanted).flatMap(grant -> serializer.deserialize(grant.snapshot()))
                .flatMap(stored -> restoreIfMatching(stored, hash, wanted, presented));
    }

    /** An index entry is a hint: the record must still hold the hash, as the kind asked for. */
    private Optional<OAuth2Authorization> restoreIfMatching(OAuth2Authorization stored, TokenHash hash,
                                                            GrantTokenKind wanted, String presented) {
        return hasher.hash(stored).kindOf(hash)
                .filter(kind -> wanted == null || kind == wanted)
                .map(kind -> restorer.restore(stored, kind, presented));
    }

    private void revokeReusedGrant(String grantId) {
        // the database holds the authoritative copy of a refresh grant
        OAuth2Authorization grant = refreshGrants.findById(grantId)
                .flatMap(stored -> serializer.deserialize(stored.snapshot())).orElse(null);
        String clientId = null;
        UUID citizenId = null;
        if (grant != null) {
            save(invalidator.invalidateAll(grant));
            clientId = clientIdOf(grant);
            citizenId = citizenIdOf(grant.getPrincipalName());
        }
        LOG.warn("superseded refresh token presented: grant {} of client {} revoked", grantId, clientId);
        auditLog.record(AuditEvent.failure(REFRESH_REUSE_EVENT, clientId, citizenId, null,
                Map.of("grant", grantId, "action", "grant_revoked")));
    }

    /** Citizens' authorizations are indexed for {@link #revokeAllForCitizen}; a client's own are not. */
    private static String citizenPrincipalOf(OAuth2Authorization authorization) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())
                ? authorization.getPrincipalName() : null;
    }

    private static String clientIdOf(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        return request != null ? request.getClientId() : authorization.getRegisteredClientId();
    }

    private static UUID citizenIdOf(String principalName) {
        try {
            return UUID.fromString(principalName);
        } catch (IllegalArgumentException notACitizen) {
            return null;
        }
    }
}
