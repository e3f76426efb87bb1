package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.RotationPolicy;

/** The quickstart: an H2 file database and a KEK file under the data directory survive a restart. */
class QuickstartRestartTest {

    private static final Map<KeyPurpose, List<KeySpec>> WANTED = Map.of(KeyPurpose.OIDC_SIGNING,
            List.of(KeySpec.of(KeyAlgorithm.ES256)));
    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(90), Duration.ofDays(2),
            Duration.ofDays(1));

    @TempDir
    Path dataDirectory;

    private KeyManager start() {
        DataSource dataSource = TestDatabases.h2File(dataDirectory.resolve("db").resolve("satupintu"));
        KeyEncryptionKey kek = KeyEncryptionKey.fromFileOrGenerate(dataDirectory.resolve("kek"), "kek-quickstart");
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, kek, List.of());
        return new KeyManager(new JdbcKeyRingStore(dataSource), Map.of(backend.id(), backend), backend, Clock.systemUTC());
    }

    @Test
    void startWhenRestartedThenSameActiveKeyAndItsPrivateKeyStillOpens() {
        KeyManager first = start();
        first.maintain(WANTED, POLICY);
        ManagedKey active = first.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow();

        KeyManager afterRestart = start();
        afterRestart.maintain(WANTED, POLICY);

        assertThat(afterRestart.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow().kid())
                .isEqualTo(active.kid());
        assertThat(afterRestart.privateKey(active).key().getAlgorithm()).isEqualTo("EC");
        assertThat(afterRestart.snapshot().all()).hasSize(1);
    }
}
