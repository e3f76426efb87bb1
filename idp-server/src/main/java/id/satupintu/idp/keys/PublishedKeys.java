package id.satupintu.idp.keys;

import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The public keys this server's own verifiers use (its access tokens at userinfo and the admin
 * API, {@code id_token_hint}): exactly what the JWKS endpoint publishes (RFC 7517 §5), so a token
 * signed by a key now RETIRED keeps verifying until the key leaves the JWKS. Deliberately not a
 * Spring bean: the authorization server must find only {@link ActiveSigningKeys} as its JWK source.
 */
public final class PublishedKeys implements JWKSource<SecurityContext> {

    private final KeyRingCache cache;

    public PublishedKeys(KeyRingCache cache) {
        this.cache = cache;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(cache.current().published());
    }
}
