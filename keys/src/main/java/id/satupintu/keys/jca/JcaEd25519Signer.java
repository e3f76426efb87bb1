package id.satupintu.keys.jca;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * EdDSA on Ed25519 (RFC 8037 §3.1) with a JCA {@link PrivateKey} and JCA {@code Signature
 * "Ed25519"} (JDK 15+, ACCP, PKCS#11). Nimbus's own {@code Ed25519Signer} needs the private key
 * as an {@code OctetKeyPair} and Google Tink, so it cannot use a key that stays in a provider.
 * The signature is the 64-byte Ed25519 signature itself (RFC 8032 §5.1.6), no transcoding.
 */
final class JcaEd25519Signer implements JWSSigner {

    private final PrivateKey key;
    private final JCAContext jcaContext = new JCAContext();

    JcaEd25519Signer(PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("an Ed25519 key signs EdDSA, not " + header.getAlgorithm());
        }
        try {
            Signature signature = ed25519(jcaContext.getProvider());
            signature.initSign(key);
            signature.update(signingInput);
            return Base64URL.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(JWSAlgorithm.EdDSA);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }

    static Signature ed25519(Provider provider) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance("Ed25519") : Signature.getInstance("Ed25519", provider);
    }
}
