package id.satupintu.keys.jca;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a hardware provider (PKCS#11): implements the given JCA signature algorithms by
 * delegating to the JDK's default provider, and counts each signature object made through it.
 */
final class RecordingProvider extends Provider {

    private final AtomicInteger signaturesMade = new AtomicInteger();

    RecordingProvider(String... signatureAlgorithms) {
        super("RecordingTestProvider", "1.0", "counts the JCA Signature objects it makes");
        for (String algorithm : signatureAlgorithms) {
            putService(new Service(this, "Signature", algorithm, DelegatingSignature.class.getName(), null, null) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    signaturesMade.incrementAndGet();
                    return new DelegatingSignature(algorithm);
                }
            });
        }
    }

    int signaturesMade() {
        return signaturesMade.get();
    }

    /** A JCA SPI over the JDK's own {@link Signature}. */
    static final class DelegatingSignature extends SignatureSpi {

        private final Signature jdk;

        DelegatingSignature(String algorithm) {
            try {
                this.jdk = Signature.getInstance(algorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            jdk.initVerify(publicKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            jdk.initSign(privateKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey, SecureRandom random) throws InvalidKeyException {
            jdk.initSign(privateKey, random);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            jdk.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            jdk.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            return jdk.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            return jdk.verify(sigBytes);
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            jdk.setParameter(params);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new UnsupportedOperationException();
        }
    }
}
