package id.satupintu.idp.citizen;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Supplies the identity claims of a citizen for the scopes a relying party was granted
 * (OIDC Core §5.4: {@code profile}, {@code email}, {@code address}, {@code phone}).
 * The subject identifier is not among them: {@code sub} is pairwise and set by the OIDC layer.
 */
public interface CitizenClaimsSource {

    /**
     * @return the claims for the granted scopes (possibly none, e.g. for {@code openid} alone), or
     *         empty when the account no longer exists or is disabled: one read answers both questions
     */
    Optional<Map<String, Object>> claimsFor(UUID citizenId, Set<String> grantedScopes);
}
