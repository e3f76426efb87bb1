package id.satupintu.idp.agency.registration;

import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** Fixtures: a relying party's own signing keys for {@code private_key_jwt}. */
final class TestClientKeys {

    private TestClientKeys() {
    }

    /** @return a fresh P-256 key pair (ES256) with a key id */
    static ECKey ecKeyPair() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@code jwks} member a client registers: its public key only */
    static Map<String, Object> publicJwks(ECKey keyPair) {
        return new JWKSet(keyPair.toPublicJWK()).toJSONObject(true);
    }

    /** @return a {@code jwks} member that wrongly includes the private key */
    static Map<String, Object> privateJwks(ECKey keyPair) {
        return new JWKSet(keyPair).toJSONObject(false);
    }
}
