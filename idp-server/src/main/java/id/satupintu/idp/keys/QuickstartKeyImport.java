package id.satupintu.idp.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.SigningAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the quickstart's generated signing keys ({@code <data-dir>/keys/signing.jwks}, one per
 * algorithm) into the managed ring as ACTIVE keys with the same {@code kid}s, so relying parties
 * see no change and tokens already issued keep verifying; then renames the file to
 * {@code signing.jwks.imported} so it is never read again. Runs before the first rotation step.
 */
public final class QuickstartKeyImport {

    private static final Logger LOG = LoggerFactory.getLogger(QuickstartKeyImport.class);

    private final KeyRingStore store;
    private final KeyPairImport backend;
    private final String backendId;
    private final Clock clock;

    public QuickstartKeyImport(KeyRingStore store, KeyPairImport backend, String backendId, Clock clock) {
        this.store = store;
        this.backend = backend;
        this.backendId = backendId;
        this.clock = clock;
    }

    /** @return the kids imported; empty when there is no file */
    public List<String> importFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JWKSet set;
        try {
            set = JWKSet.load(file.toFile());
        } catch (IOException | ParseException e) {
            throw new KeyStoreFailure("cannot read the quickstart signing keys " + file + ": " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        List<String> imported = set.getKeys().stream()
                .filter(jwk -> store.find(jwk.getKeyID()).isEmpty())
                .map(jwk -> importOne(jwk, now))
                .toList();
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KeyStoreFailure("imported the quickstart keys but cannot rename " + file, e);
        }
        LOG.info("moved {} quickstart signing keys into the managed key ring (kids kept: {}); {} renamed to {}.imported",
                imported.size(), imported, file.getFileName(), file.getFileName());
        return imported;
    }

    private String importOne(JWK jwk, Instant now) {
        KeyAlgorithm algorithm = KeyAlgorithm.fromJoseName(SigningAlgorithm.of(jwk).name());
        KeyPair pair = keyPair(jwk);
        int size = pair.getPublic() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : algorithm.defaultSize();
        backend.importKey(jwk.getKeyID(), pair);
        store.insert(new ManagedKey(jwk.getKeyID(), KeyPurpose.OIDC_SIGNING, new KeySpec(algorithm, size),
                KeyState.ACTIVE, backendId, pair.getPublic(), List.of(), now, now, null, null));
        return jwk.getKeyID();
    }

    private static KeyPair keyPair(JWK jwk) {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toKeyPair();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toKeyPair();
            }
        } catch (JOSEException e) {
            throw new KeyStoreFailure("quickstart key " + jwk.getKeyID() + " is not a usable key pair", e);
        }
        throw new KeyStoreFailure("quickstart key " + jwk.getKeyID() + " has unsupported type " + jwk.getKeyType());
    }
}
