package id.satupintu.idp.keys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The JWK source Spring Authorization Server signs with ({@code NimbusJwtEncoder} selects by
 * {@code alg} and, when the header names one, {@code kid}; see the Spring Authorization Server
 * reference, "JWKSource"): only ACTIVE keys, with their private halves, so exactly one key matches
 * each algorithm and NEXT or RETIRED keys never sign. Reads this node's snapshot; no I/O.
 */
public final class ActiveSigningKeys implements JWKSource<SecurityContext> {

    private final KeyRingCache cache;

    public ActiveSigningKeys(KeyRingCache cache) {
        this.cache = cache;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(cache.current().signing());
    }
}
