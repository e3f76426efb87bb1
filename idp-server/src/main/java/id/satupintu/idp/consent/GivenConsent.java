package id.satupintu.idp.consent;

import java.time.Instant;
import java.util.Set;

/**
 * A consent as the citizen sees it: the client (its registration id), the scopes granted and when
 * the citizen last gave it.
 *
 * @param scopes the granted authorities, which for a citizen's consent are scope names
 */
public record GivenConsent(String registeredClientId, Set<String> scopes, Instant grantedAt) {

    public GivenConsent {
        scopes = Set.copyOf(scopes);
    }
}
