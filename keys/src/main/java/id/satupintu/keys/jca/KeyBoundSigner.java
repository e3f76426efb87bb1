package id.satupintu.keys.jca;

import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

/**
 * A signer that signs only its key's one algorithm. Nimbus's RSA signer would also sign PS256
 * with an RS256 key (and RS512…); one key per algorithm is the rule here (RFC 8017 §5, RFC 7518
 * §3.5 / §3.3), so the header's {@code alg} must be the key's.
 */
final class KeyBoundSigner implements JWSSigner {

    private final JWSSigner delegate;
    private final JWSAlgorithm algorithm;

    KeyBoundSigner(JWSSigner delegate, JWSAlgorithm algorithm) {
        if (!delegate.supportedJWSAlgorithms().contains(algorithm)) {
            throw new IllegalArgumentException("this key cannot sign " + algorithm + ", only "
                    + delegate.supportedJWSAlgorithms());
        }
        this.delegate = delegate;
        this.algorithm = algorithm;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("this key signs " + algorithm + ", not " + header.getAlgorithm());
        }
        return delegate.sign(header, signingInput);
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
        return "JWSSigner[" + algorithm + " on " + delegate.getJCAContext().getProvider().getName() + "]";
    }
}
