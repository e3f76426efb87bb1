package id.satupintu.keys.jca;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.UnsupportedKeyException;

/**
 * Makes Nimbus {@link JWSSigner}s and {@link JWSVerifier}s for managed keys, each on an explicit
 * JCA provider: a hardware-bound key's own provider (PKCS#11: the key never leaves the token),
 * otherwise the fastest provider {@link SignatureProviders} found for the algorithm.
 *
 * <ul>
 * <li>RS256 (RFC 7518 §3.3) and PS256 (RFC 7518 §3.5: RSASSA-PSS, SHA-256, MGF1 with SHA-256,
 * 32-byte salt): Nimbus {@link RSASSASigner}, which sets the PSS parameters on the provider's
 * {@code RSASSA-PSS}.</li>
 * <li>ES256 (RFC 7518 §3.4): Nimbus {@link ECDSASigner}. JCA returns an ASN.1 DER
 * {@code SEQUENCE {r, s}}; JWS wants the fixed-length R||S concatenation (32 + 32 bytes), which
 * Nimbus transcodes to ({@code ECDSA.transcodeSignatureToConcat}) and back on verification.</li>
 * <li>EdDSA on Ed25519 (RFC 8037 §3.1): {@link JcaEd25519Signer}, since Nimbus's needs Tink and the
 * private key's bytes.</li>
 * </ul>
 *
 * <p>Every signer and verifier is bound to its key's algorithm: a header with another {@code alg}
 * is refused. Signers and verifiers are thread-safe (each operation takes a fresh JCA
 * {@code Signature}). <b>Make one per key and keep it</b> (e.g. with the key ring, replaced on
 * rotation): making one converts a software key into the provider's own key class once
 * ({@code ProviderKeys}); without that ACCP re-imports a JDK RSA key on every signature and RS256
 * signing is ~3× slower (bench/README.md). Nothing here logs or prints key material.
 *
 * <pre>{@code
 * JwsSigners signers = JwsSigners.onFastestProviders();      // once per JVM
 * JWSSigner signer = signers.signerFor(key, backend.privateKey(key.kid()));
 * SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JwsSigners.jws(key.spec().algorithm()))
 *         .keyID(key.kid()).build(), claims);
 * jwt.sign(signer);
 * }</pre>
 */
public final class JwsSigners {

    private final SignatureProviders providers;

    public JwsSigners(SignatureProviders providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    /** Signers on the JVM's {@link SignatureProviders#system()} providers (ACCP where it loads). */
    public static JwsSigners onFastestProviders() {
        return new JwsSigners(SignatureProviders.system());
    }

    public SignatureProviders providers() {
        return providers;
    }

    /**
     * @param key the key's metadata: its algorithm decides the signer
     * @param handle its private key; when {@linkplain PrivateKeyHandle#isHardwareBound() hardware-bound}
     *     the signer uses the handle's provider and no other
     * @throws UnsupportedKeyException when the key does not sign (RSA-OAEP-256), or the private key
     *     does not fit the algorithm (wrong type, RSA under 2048 bits, EC not on P-256)
     */
    public JWSSigner signerFor(ManagedKey key, PrivateKeyHandle handle) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(handle, "handle");
        KeyAlgorithm algorithm = key.spec().algorithm();
        Provider provider = handle.isHardwareBound() ? handle.provider() : providers.forSigning(algorithm);
        // a hardware key stays the token's handle; a software key becomes the provider's own, once
        PrivateKey privateKey = handle.isHardwareBound() ? handle.key() : ProviderKeys.translate(handle.key(), provider);
        try {
            JWSSigner signer = nimbusSigner(algorithm, privateKey);
            signer.getJCAContext().setProvider(provider);
            return new KeyBoundSigner(signer, jws(algorithm));
        } catch (JOSEException | IllegalArgumentException e) {
            throw new UnsupportedKeyException("key " + key.kid() + " cannot sign " + algorithm.joseName() + ": "
                    + e.getMessage());
        }
    }

    /**
     * @return a verifier of the key's algorithm with its public key, on the fastest provider
     * @throws UnsupportedKeyException when the key does not sign or its public key does not fit
     */
    public JWSVerifier verifierFor(ManagedKey key) {
        Objects.requireNonNull(key, "key");
        KeyAlgorithm algorithm = key.spec().algorithm();
        Provider provider = providers.forVerifying(algorithm);
        try {
            JWSVerifier verifier = nimbusVerifier(algorithm, ProviderKeys.translate(key.publicKey(), provider));
            verifier.getJCAContext().setProvider(provider);
            return new KeyBoundVerifier(verifier, jws(algorithm));
        } catch (JOSEException | ClassCastException | IllegalArgumentException e) {
            throw new UnsupportedKeyException("key " + key.kid() + " cannot verify " + algorithm.joseName() + ": "
                    + e.getMessage());
        }
    }

    /** @return the Nimbus name of a signing algorithm */
    public static JWSAlgorithm jws(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256 -> JWSAlgorithm.RS256;
            case PS256 -> JWSAlgorithm.PS256;
            case ES256 -> JWSAlgorithm.ES256;
            case EDDSA -> JWSAlgorithm.EdDSA;
            case RSA_OAEP_256 -> throw new UnsupportedKeyException(algorithm.joseName() + " keys do not sign");
        };
    }

    private static JWSSigner nimbusSigner(KeyAlgorithm algorithm, PrivateKey privateKey) throws JOSEException {
        return switch (algorithm) {
            case RS256, PS256 -> new RSASSASigner(privateKey);
            // an ECPrivateKey carries its curve, which Nimbus checks; a PKCS#11 handle may not
            case ES256 -> privateKey instanceof ECPrivateKey ec ? new ECDSASigner(ec)
                    : new ECDSASigner(privateKey, Curve.P_256);
            case EDDSA -> new JcaEd25519Signer(privateKey);
            case RSA_OAEP_256 -> throw new UnsupportedKeyException(algorithm.joseName() + " keys do not sign");
        };
    }

    private static JWSVerifier nimbusVerifier(KeyAlgorithm algorithm, PublicKey publicKey) throws JOSEException {
        return switch (algorithm) {
            case RS256, PS256 -> new RSASSAVerifier((RSAPublicKey) publicKey);
            case ES256 -> new ECDSAVerifier((ECPublicKey) publicKey);
            case EDDSA -> new JcaEd25519Verifier(publicKey);
            case RSA_OAEP_256 -> throw new UnsupportedKeyException(algorithm.joseName() + " keys do not sign");
        };
    }
}
