package id.satupintu.idp.oidc.grant;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A durable grant: an authorization holding a refresh token, as the database keeps it.
 *
 * @param id authorization id
 * @param registeredClientId the client's registration id
 * @param principalName the citizen's principal name
 * @param hashes current hashes by kind (refresh token always; code, access and ID token when present)
 * @param expiresAt when the current refresh token expires; the grant ends then
 * @param snapshot serialized hashed authorization
 */
public record RefreshGrant(String id, String registeredClientId, String principalName,
                           Map<GrantTokenKind, TokenHash> hashes, Instant expiresAt, byte[] snapshot) {

    public RefreshGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(snapshot, "snapshot");
        if (!hashes.containsKey(GrantTokenKind.REFRESH_TOKEN)) {
            throw new IllegalArgumentException("a refresh grant holds a refresh token");
        }
        if (hashes.containsKey(GrantTokenKind.STATE)) {
            throw new IllegalArgumentException("a refresh grant is past the consent step");
        }
        hashes = Map.copyOf(hashes);
    }

    public static RefreshGrant of(HashedAuthorization hashed, byte[] snapshot) {
        return new RefreshGrant(hashed.id(), hashed.authorization().getRegisteredClientId(),
                hashed.authorization().getPrincipalName(), hashed.hashes(), hashed.refreshTokenExpiresAt(), snapshot);
    }
}
