package id.satupintu.idp.keys;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import id.satupintu.idp.SatuPintuProperties;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.store.database.DatabaseKeyBackend;
import id.satupintu.keys.store.database.KeyEncryptionKey;
import id.satupintu.keys.store.database.JdbcKeyRingStore;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where keys live: the ring (states, public keys) and the private keys, sealed under the
 * key-encryption key, both in the application's database (tables of the {@code keys} module's
 * V7 migration), so every node sees the same ring.
 */
@Configuration(proxyBeanMethods = false)
public class KeyStorageConfiguration {

    /** After Flyway: the tables come from the {@code keys} module's migration. */
    @Bean
    @DependsOnDatabaseInitialization
    KeyRingStore keyRingStore(DataSource dataSource) {
        return new JdbcKeyRingStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DatabaseKeyBackend keyBackend(DataSource dataSource, KeysProperties keys, SatuPintuProperties properties) {
        boolean quickstart = properties.demoData() || isEmbeddedH2(dataSource);
        return new DatabaseKeyBackend(dataSource,
                new KekProvisioning(System::getenv).kek(keys.kekFile(), properties.dataDir(), quickstart),
                keys.previousKekFiles().stream().map(KeyEncryptionKey::fromFile).toList());
    }

    @Bean
    KeyPairImport keyPairImport(DatabaseKeyBackend backend) {
        return backend::importKey;
    }

    private static boolean isEmbeddedH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new KeyStoreFailure("cannot reach the database holding the keys", e);
        }
    }
}
