package id.satupintu.idp.registry.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS 1.3 context of a mutual-TLS connection (RFC 8446 §4.3.2, §4.4.2): our own key and
 * certificate chain from a PKCS#12 key store, and the CAs we accept for the peer from a PKCS#12
 * trust store. The JDK's default trust anchors are deliberately not used: only the configured CAs
 * can vouch for the registry.
 */
public final class MutualTls {

    private MutualTls() {
    }

    public static SSLContext context(Path keyStore, char[] keyStorePassword, Path trustStore,
                                     char[] trustStorePassword) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword));
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The mutual-TLS key or trust store could not be loaded ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
