package id.satupintu.keys.store.database;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeyBackendContract;

/** The back-end contract on H2 in PostgreSQL mode, as the quickstart runs it. */
class DatabaseKeyBackendH2Test extends KeyBackendContract {

    private static DataSource database;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabases.h2();
    }

    @Override
    protected KeyBackend backend() {
        return new DatabaseKeyBackend(database, KeyEncryptionKey.generate("kek-1"), List.of());
    }
}
