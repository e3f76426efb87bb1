package id.satupintu.keys.store.database;

import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyRingStoreContract;

/** The ring-store contract on real PostgreSQL; a fresh database per test. */
class JdbcKeyRingStorePostgresTest extends KeyRingStoreContract {

    @Override
    protected KeyRingStore store() {
        return new JdbcKeyRingStore(TestDatabases.postgres());
    }
}
