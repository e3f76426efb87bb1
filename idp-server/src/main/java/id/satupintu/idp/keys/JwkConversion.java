package id.satupintu.idp.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;

/**
 * A managed key as a JWK (RFC 7517 §4): {@code kid}, {@code alg} (RFC 7515 §4.1.1, RFC 8037 for
 * EdDSA) and {@code use}. With a private key the JWK can sign; Nimbus keeps the JCA
 * {@link PrivateKey} object as it is, so a PKCS#11 handle that never leaves the HSM works too.
 */
final class JwkConversion {

    /** Length of the X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410 §4) before its 32 raw bytes. */
    private static final int ED25519_SPKI_PREFIX = 12;

    private JwkConversion() {
    }

    static JWK publicJwk(ManagedKey key) {
        return jwk(key, null);
    }

    /** @param privateKey the key's private half; Ed25519 keys are published only (signing them needs the JCA signer path) */
    static JWK jwk(ManagedKey key, PrivateKey privateKey) {
        KeyAlgorithm algorithm = key.spec().algorithm();
        Algorithm alg = algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION
                ? JWEAlgorithm.parse(algorithm.joseName()) : JWSAlgorithm.parse(algorithm.joseName());
        KeyUse use = algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION ? KeyUse.ENCRYPTION : KeyUse.SIGNATURE;
        PublicKey publicKey = key.publicKey();
        return switch (algorithm.family()) {
            case RSA -> new RSAKey.Builder((RSAPublicKey) publicKey).privateKey(privateKey)
                    .keyID(key.kid()).algorithm(alg).keyUse(use).build();
            case EC -> new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).privateKey(privateKey)
                    .keyID(key.kid()).algorithm(alg).keyUse(use).build();
            case OKP -> {
                byte[] encoded = publicKey.getEncoded();
                byte[] x = Arrays.copyOfRange(encoded, ED25519_SPKI_PREFIX, encoded.length);
                yield new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                        .keyID(key.kid()).algorithm(alg).keyUse(use).build();
            }
        };
    }
}
