package id.satupintu.keys.cert;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The public JWK set (RFC 7517 §5) of managed keys, as the server publishes it at its
 * {@code jwks_uri}: {@code publicJwkSet(ring.published(OIDC_SIGNING))}. Each JWK has its
 * {@code kid}, {@code alg} (RFC 7517 §4.4), {@code use} (§4.2: {@code sig} or {@code enc}) and, when
 * the key has a certificate chain, {@code x5c} (§4.7: standard base64 DER, leaf first). RSA keys
 * become {@code kty=RSA}, P-256 keys {@code kty=EC}, Ed25519 keys {@code kty=OKP} (RFC 8037 §2).
 * Private parameters are never included: only public keys go in.
 */
public final class Jwks {

    private Jwks() {
    }

    /** @return the public JWKs of the keys in order; destroyed keys are left out */
    public static JWKSet publicJwkSet(List<ManagedKey> keys) {
        List<JWK> jwks = new ArrayList<>();
        for (ManagedKey key : keys) {
            if (key.state().isPublished()) {
                jwks.add(publicJwk(key));
            }
        }
        return new JWKSet(jwks);
    }

    public static JWK publicJwk(ManagedKey key) {
        KeyAlgorithm algorithm = key.spec().algorithm();
        KeyUse use = algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION ? KeyUse.ENCRYPTION : KeyUse.SIGNATURE;
        Algorithm alg = use == KeyUse.ENCRYPTION ? JWEAlgorithm.parse(algorithm.joseName())
                : JWSAlgorithm.parse(algorithm.joseName());
        List<Base64> x5c = x5c(key.certificateChain());
        return switch (algorithm.family()) {
            case RSA -> new RSAKey.Builder((RSAPublicKey) key.publicKey())
                    .keyID(key.kid()).algorithm(alg).keyUse(use).x509CertChain(x5c).build();
            case EC -> new ECKey.Builder(Curve.P_256, (ECPublicKey) key.publicKey())
                    .keyID(key.kid()).algorithm(alg).keyUse(use).x509CertChain(x5c).build();
            case OKP -> new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(rawEd25519(key)))
                    .keyID(key.kid()).algorithm(alg).keyUse(use).x509CertChain(x5c).build();
        };
    }

    /** The 32-byte public key of RFC 8032 §5.1.5, from its X.509 SubjectPublicKeyInfo (RFC 8410 §4). */
    private static byte[] rawEd25519(ManagedKey key) {
        return SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()).getPublicKeyData().getOctets();
    }

    private static List<Base64> x5c(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return null;
        }
        List<Base64> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(Base64.encode(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("certificate of a managed key cannot be encoded", e);
            }
        }
        return encoded;
    }
}
