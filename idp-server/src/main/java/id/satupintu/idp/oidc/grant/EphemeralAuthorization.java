package id.satupintu.idp.oidc.grant;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the ephemeral store keeps for one authorization: its serialized hashed form, the token hashes
 * it can be found by, and how long it lives.
 *
 * @param id the authorization id
 * @param snapshot serialized {@link HashedAuthorization#authorization()}
 * @param indexedBy token hashes that lead to it
 * @param citizen principal name to index for {@code revokeAllForCitizen}; null for a client's own grant
 * @param timeToLive positive; applied to the record and to every index key
 */
public record EphemeralAuthorization(String id, byte[] snapshot, Set<TokenHash> indexedBy, String citizen,
                                     Duration timeToLive) {

    public EphemeralAuthorization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(snapshot, "snapshot");
        indexedBy = Set.copyOf(indexedBy);
        if (timeToLive == null || timeToLive.isZero() || timeToLive.isNegative()) {
            throw new IllegalArgumentException("every ephemeral entry needs a positive time to live");
        }
    }
}
