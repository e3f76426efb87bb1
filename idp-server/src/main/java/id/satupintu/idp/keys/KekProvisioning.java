package id.satupintu.idp.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.store.database.KeyEncryptionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key-encryption key that seals private keys in the database: the {@value #ENVIRONMENT}
 * environment variable ({@code <id>:<base64>}), else {@code satupintu.keys.kek-file}. In the
 * quickstart only (no KEK configured, demo data or an embedded H2 database) it generates
 * {@code <data-dir>/keys/kek} (owner-only) on first start and warns that production must supply
 * its own. The KEK itself is never logged.
 */
final class KekProvisioning {

    static final String ENVIRONMENT = "SATUPINTU_KEK";

    private static final Logger LOG = LoggerFactory.getLogger(KekProvisioning.class);

    private final Function<String, String> environment;

    KekProvisioning(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param quickstart whether a KEK may be generated when none is configured
     * @throws IllegalStateException when no KEK is configured outside the quickstart
     */
    KeyEncryptionKey kek(Path configuredFile, Path dataDir, boolean quickstart) {
        String fromEnvironment = environment.apply(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            int colon = fromEnvironment.indexOf(':');
            if (colon < 0) {
                throw new KeyStoreFailure("the environment variable " + ENVIRONMENT + " is malformed: expected '<id>:<base64>'");
            }
            return KeyEncryptionKey.fromBase64(fromEnvironment.substring(0, colon).strip(),
                    fromEnvironment.substring(colon + 1).strip());
        }
        if (configuredFile != null) {
            return KeyEncryptionKey.fromFile(configuredFile);
        }
        if (!quickstart) {
            throw new IllegalStateException("no key-encryption key: set the environment variable " + ENVIRONMENT
                    + " ('<id>:<base64 of 32 random bytes>') or satupintu.keys.kek-file; see README.md \"Keys\"");
        }
        Path file = dataDir.resolve("keys").resolve("kek");
        boolean existed = Files.exists(file);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new KeyStoreFailure("cannot create " + file.getParent(), e);
        }
        // two quickstart nodes on one data directory starting together both end up with the one file
        KeyEncryptionKey kek = KeyEncryptionKey.fromFileOrGenerate(file, "quickstart");
        if (!existed) {
            LOG.warn("generated a quickstart key-encryption key in {} (readable by its owner only). Production must "
                    + "supply its own KEK through {} or satupintu.keys.kek-file, kept apart from the database and its "
                    + "backups", file, ENVIRONMENT);
        }
        return kek;
    }
}
