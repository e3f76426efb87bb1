package id.satupintu.keys.store.database;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyBackendContract;

/** The back-end contract on real PostgreSQL. */
class DatabaseKeyBackendPostgresTest extends KeyBackendContract {

    private static DataSource database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabases.postgres();
    }

    @Override
    protected KeyBackend backend() {
        return new DatabaseKeyBackend(database, KeyEncryptionKey.generate("kek-1"), List.of());
    }
}
