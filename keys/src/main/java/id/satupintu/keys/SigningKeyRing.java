package id.satupintu.keys;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The active signing key of each algorithm. Immutable; {@link #publicJwkSet()} is what the JWKS
 * endpoint publishes (RFC 7517 §5), with private parts removed.
 */
public final class SigningKeyRing {

    private final Map<SigningAlgorithm, JWK> active;
    private final JWKSet privateSet;
    private final JWKSet publicSet;

    public SigningKeyRing(List<JWK> keys) {
        Map<SigningAlgorithm, JWK> byAlgorithm = new EnumMap<>(SigningAlgorithm.class);
        for (JWK key : keys) {
            if (!key.isPrivate()) {
                throw new KeyStoreFailure("signing key " + key.getKeyID() + " has no private part");
            }
            if (byAlgorithm.put(SigningAlgorithm.of(key), key) != null) {
                throw new KeyStoreFailure("two active keys for " + SigningAlgorithm.of(key));
            }
        }
        this.active = Map.copyOf(byAlgorithm);
        this.privateSet = new JWKSet(List.copyOf(keys));
        this.publicSet = privateSet.toPublicJWKSet();
    }

    public Optional<JWK> active(SigningAlgorithm algorithm) {
        return Optional.ofNullable(active.get(algorithm));
    }

    /** Every private signing key; for the token signer only. */
    public JWKSet privateJwkSet() {
        return privateSet;
    }

    /** The keys relying parties verify with. */
    public JWKSet publicJwkSet() {
        return publicSet;
    }
}
