package id.satupintu.keys.jca;

import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/** A verifier that accepts only its key's one algorithm, as {@link KeyBoundSigner} signs only it. */
final class KeyBoundVerifier implements JWSVerifier {

    private final JWSVerifier delegate;
    private final JWSAlgorithm algorithm;

    KeyBoundVerifier(JWSVerifier delegate, JWSAlgorithm algorithm) {
        this.delegate = delegate;
        this.algorithm = algorithm;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("this key verifies " + algorithm + ", not " + header.getAlgorithm());
        }
        return delegate.verify(header, signingInput, signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return delegate.getJCAContext();
    }

    @Override
    public String toString() {
        return "JWSVerifier[" + algorithm + " on " + delegate.getJCAContext().getProvider().getName() + "]";
    }
}
