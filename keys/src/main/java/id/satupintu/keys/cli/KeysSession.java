package id.satupintu.keys.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.store.database.DatabaseKeyBackend;
import id.satupintu.keys.store.database.JdbcKeyRingStore;
import id.satupintu.keys.store.database.KeyEncryptionKey;
import id.satupintu.keys.store.pkcs12.Pkcs12KeyBackend;

/**
 * What one command works with, built from the global options: the key ring in the server's
 * database, and every back end, each opened only when a private key is first needed.
 */
final class KeysSession implements AutoCloseable {

    private final KeysCommandLine options;
    private final Secrets secrets;
    private final Clock clock = Clock.systemUTC();
    private DataSource dataSource;
    private KeyRingStore store;
    private Map<String, LazyBackend> backends;
    private KeyManager manager;
    private final List<char[]> toErase = new ArrayList<>();

    KeysSession(KeysCommandLine options, Secrets secrets) {
        this.options = options;
        this.secrets = secrets;
    }

    Clock clock() {
        return clock;
    }

    DataSource dataSource() {
        if (dataSource == null) {
            String url = options.dbUrl != null ? options.dbUrl : secrets.fromEnvironment(KeysCommandLine.DB_URL_VARIABLE);
            if (url == null) {
                throw new UsageException("no database: give --db-url or set " + KeysCommandLine.DB_URL_VARIABLE);
            }
            String user = options.dbUser != null ? options.dbUser : secrets.fromEnvironment(KeysCommandLine.DB_USER_VARIABLE);
            dataSource = new DriverManagerDataSource(url, user, databasePassword());
        }
        return dataSource;
    }

    private String databasePassword() {
        if (options.dbPassword != null) {
            return new String(options.dbPassword);
        }
        if (options.dbPasswordFile != null) {
            return new String(Secrets.fromFile(options.dbPasswordFile, "database password"));
        }
        String fromEnvironment = secrets.fromEnvironment(KeysCommandLine.DB_PASSWORD_VARIABLE);
        return fromEnvironment == null ? "" : fromEnvironment;
    }

    KeyRingStore store() {
        if (store == null) {
            store = new JdbcKeyRingStore(dataSource());
        }
        return store;
    }

    KeyManager manager() {
        if (manager == null) {
            Map<String, LazyBackend> all = backends();
            manager = new KeyManager(store(), Map.copyOf(all), all.get(options.backend.name()), clock);
        }
        return manager;
    }

    /** @throws KeyStoreFailure with "no key with kid ..." for an unknown kid */
    ManagedKey require(String kid) {
        return store().find(kid).orElseThrow(() -> new KeyStoreFailure("no key with kid " + kid
                + " (see 'satupintu-keys list --all')"));
    }

    /** The database back end, opened now: for re-wrapping. */
    DatabaseKeyBackend databaseBackend() {
        return (DatabaseKeyBackend) backends().get(DatabaseKeyBackend.ID).open();
    }

    private Map<String, LazyBackend> backends() {
        if (backends == null) {
            backends = new LinkedHashMap<>();
            backends.put(DatabaseKeyBackend.ID, new LazyBackend(DatabaseKeyBackend.ID, this::openDatabaseBackend));
            backends.put("pkcs12", new LazyBackend("pkcs12", this::openPkcs12Backend));
            backends.put("pkcs11", new LazyBackend("pkcs11", this::openPkcs11Backend));
        }
        return backends;
    }

    private KeyBackend openDatabaseBackend() {
        List<KeyEncryptionKey> previous = options.previousKekFiles.stream().map(KeyEncryptionKey::fromFile).toList();
        return new DatabaseKeyBackend(dataSource(), currentKek(), previous);
    }

    KeyEncryptionKey currentKek() {
        if (options.kekFile != null && options.kekVariable != null) {
            throw new UsageException("give either --kek-file or --kek-env, not both");
        }
        if (options.kekFile != null) {
            return KeyEncryptionKey.fromFile(options.kekFile);
        }
        if (options.kekVariable != null) {
            return kekFromEnvironment(options.kekVariable);
        }
        throw new UsageException("the database back end needs its key-encryption key: give --kek-file FILE or --kek-env VARIABLE");
    }

    /** {@code <id>:<base64>} from a variable of this session's environment; the value is never echoed. */
    private KeyEncryptionKey kekFromEnvironment(String variable) {
        String value = secrets.fromEnvironment(variable);
        if (value == null) {
            throw new UsageException("the environment variable " + variable + " holding the KEK is not set");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new KeyStoreFailure("the environment variable " + variable + " is malformed: expected '<id>:<base64>'");
        }
        try {
            return KeyEncryptionKey.fromBase64(value.substring(0, colon).strip(), value.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new KeyStoreFailure("the environment variable " + variable + " is malformed: " + e.getMessage());
        }
    }

    private KeyBackend openPkcs12Backend() {
        if (options.pkcs12File == null) {
            throw new UsageException("the pkcs12 back end needs --pkcs12-file FILE");
        }
        char[] password = secrets.requireEnvironment(options.pkcs12PasswordVariable, "PKCS#12 password");
        toErase.add(password);
        return new Pkcs12KeyBackend(options.pkcs12File, password);
    }

    private KeyBackend openPkcs11Backend() {
        if (options.pkcs11Library == null) {
            throw new UsageException("the pkcs11 back end needs --pkcs11-library FILE and --pkcs11-slot or --pkcs11-token-label");
        }
        return Pkcs11Backends.open(options, secrets, toErase);
    }

    @Override
    public void close() {
        toErase.forEach(secret -> Arrays.fill(secret, '\0'));
        if (options.dbPassword != null) {
            Arrays.fill(options.dbPassword, '\0');
        }
    }
}
