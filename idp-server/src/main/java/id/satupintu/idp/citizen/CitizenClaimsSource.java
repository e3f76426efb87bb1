package id.satupintu.idp.citizen;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Supplies the identity claims of a citizen (OIDC Core §5.4 scopes {@code profile}, {@code email},
 * {@code address}, {@code phone}, and {@code nik}) and the registry verification behind them.
 * The subject identifier is not among them: {@code sub} is pairwise and set by the OIDC layer.
 */
public interface CitizenClaimsSource {

    /**
     * @return every claim the citizen has, or empty when the account no longer exists or is
     *         disabled: one read answers both questions
     */
    Optional<CitizenClaims> claimsOf(UUID citizenId);

    /**
     * @return the claims for the granted scopes (possibly none, e.g. for {@code openid} alone), or
     *         empty when the account no longer exists or is disabled
     */
    default Optional<Map<String, Object>> claimsFor(UUID citizenId, Set<String> grantedScopes) {
        return claimsOf(citizenId).map(claims -> claims.forScopes(grantedScopes));
    }
}
