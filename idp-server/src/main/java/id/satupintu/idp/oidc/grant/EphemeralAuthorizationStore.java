package id.satupintu.idp.oidc.grant;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Short-lived authorizations: requests awaiting consent, authorization codes, and the status of access
 * and ID tokens (DESIGN.md "Where data lives"). Redis in production, memory in the quickstart; every
 * entry expires by itself after its time to live.
 *
 * <p>Index entries are hints: a hash may point at a record that was since rewritten without it. The
 * caller checks that the record it gets still holds the hash.
 */
public interface EphemeralAuthorizationStore {

    /** Writes (or overwrites) the record and its index entries in one round trip. */
    void put(EphemeralAuthorization entry);

    Optional<byte[]> findById(String id);

    /** @return the record a token hash leads to, if both the index entry and the record are alive */
    Optional<byte[]> findByTokenHash(TokenHash hash);

    /** Deletes the record, the given index entries and its citizen index membership. */
    void remove(String id, Collection<TokenHash> indexedBy, String citizen);

    /** @return ids of live-or-recently-expired authorizations of a citizen (may include expired ids) */
    Set<String> idsOfCitizen(String citizen);
}
