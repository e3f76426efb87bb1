package id.satupintu.keys.jca;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * Verifies EdDSA on Ed25519 (RFC 8037 §3.1) with a JCA {@link PublicKey} and JCA {@code Signature
 * "Ed25519"}, on any provider; Nimbus's own {@code Ed25519Verifier} needs Google Tink. A JWS with a
 * critical header parameter ({@code crit}, RFC 7515 §4.1.11) is rejected: none is understood here.
 */
final class JcaEd25519Verifier implements JWSVerifier {

    private static final int ED25519_SIGNATURE_BYTES = 64;

    private final PublicKey key;
    private final JCAContext jcaContext = new JCAContext();

    JcaEd25519Verifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("an Ed25519 key verifies EdDSA, not " + header.getAlgorithm());
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        byte[] bytes = signature.decode();
        if (bytes.length != ED25519_SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = JcaEd25519Signer.ed25519(jcaContext.getProvider());
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(bytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 verification failed: " + e.getMessage(), e);
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
}
