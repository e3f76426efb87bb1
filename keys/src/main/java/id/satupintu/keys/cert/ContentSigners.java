package id.satupintu.keys.cert;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs certificates and requests with a managed key's private key. A hardware-bound key is used
 * through its token's provider, so HSM keys sign without leaving the token.
 */
final class ContentSigners {

    private ContentSigners() {
    }

    /**
     * The signature algorithm for the key's family: SHA256withRSA (RFC 4055 §5, PKCS#1 v1.5, which
     * every certificate consumer accepts, also for PS256 and RSA-OAEP-256 keys), SHA256withECDSA
     * (RFC 5758 §3.2) or Ed25519 (RFC 8410 §6).
     */
    static String signatureAlgorithm(ManagedKey key) {
        return switch (key.spec().algorithm().family()) {
            case RSA -> "SHA256withRSA";
            case EC -> "SHA256withECDSA";
            case OKP -> "Ed25519";
        };
    }

    static ContentSigner forKey(ManagedKey key, PrivateKeyHandle signer) {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(signatureAlgorithm(key));
        if (signer.isHardwareBound()) {
            builder.setProvider(signer.provider());
        }
        try {
            return builder.build(signer.key());
        } catch (OperatorCreationException | RuntimeException e) {
            throw new KeyStoreFailure("cannot sign with key " + key.kid() + ": " + e.getMessage(), e);
        }
    }
}
