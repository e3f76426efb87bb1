package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeyRingStoreContract;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;

/** The ring-store contract on H2 in PostgreSQL mode, as the quickstart runs it; a fresh database per test. */
class JdbcKeyRingStoreH2Test extends KeyRingStoreContract {

    @Override
    protected KeyRingStore store() {
        return new JdbcKeyRingStore(TestDatabases.h2());
    }

    @Test
    void insertWhenInstantHasNanosecondsThenKeptToTheMicrosecond() throws Exception {
        KeyRingStore store = store();
        Instant created = Instant.parse("2026-01-01T00:00:00.123456789Z");
        ManagedKey key = ManagedKey.generated("precise", KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.EDDSA), "test",
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic(), created);

        store.insert(key);

        assertThat(store.find("precise").orElseThrow().createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }
}
