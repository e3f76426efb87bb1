package id.satupintu.keys.store.database;

import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyRingStoreContract;

/** The ring-store contract on H2 in PostgreSQL mode, as the quickstart runs it; a fresh database per test. */
class JdbcKeyRingStoreH2Test extends KeyRingStoreContract {

    @Override
    protected KeyRingStore store() {
        return new JdbcKeyRingStore(TestDatabases.h2());
    }
}
