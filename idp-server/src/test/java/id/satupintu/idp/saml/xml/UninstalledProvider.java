package id.satupintu.idp.saml.xml;

import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JCA provider that is never installed in the JVM, standing in for an HSM's PKCS#11 provider: it
 * does RSA signatures and RSA-OAEP through the JDK and counts its uses, so a test sees that a key's
 * operations went through the key's own provider.
 */
final class UninstalledProvider extends Provider {

    private static final long serialVersionUID = 1L;

    final transient AtomicInteger signatures = new AtomicInteger();
    final transient AtomicInteger decryptions = new AtomicInteger();

    UninstalledProvider() {
        super("SatuPintuTestHsm", "1.0", "test stand-in for an HSM provider; never installed");
        for (String algorithm : List.of("SHA256withRSA", "SHA1withRSA")) {
            putService(new Service(this, "Signature", algorithm, UninstalledProvider.class.getName(), null,
                    Map.of("SupportedKeyClasses", "java.security.interfaces.RSAKey")) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    signatures.incrementAndGet();
                    try {
                        return java.security.Signature.getInstance(algorithm, "SunRsaSign");
                    } catch (NoSuchProviderException e) {
                        throw new NoSuchAlgorithmException(e);
                    }
                }

                @Override
                public boolean supportsParameter(Object parameter) {
                    return true;
                }
            });
        }
        // registered as plain "RSA": the JCA then sets the mode and the OAEP padding of the transformation asked for
        putService(new Service(this, "Cipher", "RSA", UninstalledProvider.class.getName(), null,
                Map.of("SupportedKeyClasses", "java.security.interfaces.RSAKey")) {
            @Override
            public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                decryptions.incrementAndGet();
                try {
                    // the JDK's own RSA cipher implementation, found through its provider's service
                    return java.security.Security.getProvider("SunJCE").getService("Cipher", "RSA").newInstance(null);
                } catch (RuntimeException e) {
                    throw new NoSuchAlgorithmException(e);
                }
            }

            @Override
            public boolean supportsParameter(Object parameter) {
                return true;
            }
        });
    }
}
