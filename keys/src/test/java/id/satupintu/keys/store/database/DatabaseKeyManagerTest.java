package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.RotationPolicy;

/** The whole life cycle on the database: ring in {@code managed_key}, private keys in {@code managed_key_secret}. */
class DatabaseKeyManagerTest {

    private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(90), Duration.ofDays(2),
            Duration.ofDays(1));
    private static final Map<KeyPurpose, List<KeySpec>> WANTED = Map.of(
            KeyPurpose.OIDC_SIGNING, List.of(KeySpec.of(KeyAlgorithm.ES256)),
            KeyPurpose.SAML_ENCRYPTION, List.of(KeySpec.of(KeyAlgorithm.RSA_OAEP_256)));
    private static final KeyEncryptionKey KEK = KeyEncryptionKey.generate("kek-1");

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgres", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("h2", (Supplier<DataSource>) TestDatabases::h2));
    }

    private KeyManager node(DataSource dataSource) {
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, KEK, List.of());
        return new KeyManager(new JdbcKeyRingStore(dataSource), Map.of(backend.id(), backend), backend, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void maintainWhenEmptyThenActiveKeysRecordedAndAnotherNodeSignsWithThem(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();

        node(dataSource).maintain(WANTED, POLICY);

        KeyManager otherNode = node(dataSource);
        ManagedKey active = otherNode.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow();
        assertThat(active.backend()).isEqualTo("database");
        assertThat(otherNode.snapshot().active(KeyPurpose.SAML_ENCRYPTION, KeyAlgorithm.RSA_OAEP_256)).isPresent();
        byte[] message = "satu pintu".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(otherNode.privateKey(active).key());
        signer.update(message);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(active.publicKey());
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void maintainWhenRotatedAndRetiredPastLifetimeThenDestroyedAndSecretRowErased(String name,
                                                                                 Supplier<DataSource> database)
            throws SQLException {
        DataSource dataSource = database.get();
        KeyManager manager = node(dataSource);
        manager.maintain(WANTED, POLICY);
        ManagedKey first = manager.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow();
        long revisionBefore = manager.snapshot().revision();

        ManagedKey second = manager.rotate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256), true);

        assertThat(manager.snapshot().revision()).isNotEqualTo(revisionBefore);
        assertThat(manager.snapshot().find(first.kid()).orElseThrow().state()).isEqualTo(KeyState.RETIRED);
        assertThat(manager.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow().kid())
                .isEqualTo(second.kid());
        assertThat(secretRows(dataSource, first.kid())).isOne();

        now = now.plus(Duration.ofDays(1));
        manager.maintain(WANTED, POLICY);

        assertThat(manager.snapshot().find(first.kid()).orElseThrow().state()).isEqualTo(KeyState.DESTROYED);
        assertThat(secretRows(dataSource, first.kid())).isZero();
        assertThat(secretRows(dataSource, second.kid())).isOne();
        ManagedKey destroyed = manager.snapshot().find(first.kid()).orElseThrow();
        assertThatThrownBy(() -> node(dataSource).privateKey(destroyed)).isInstanceOf(KeyStoreFailure.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void activateWhenAnotherNodeActivatedFirstThenRefusedAndRingUnchanged(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        KeyManager one = node(dataSource);
        KeyManager two = node(dataSource);
        ManagedKey next = one.generate(KeyPurpose.OIDC_SIGNING, KeySpec.of(KeyAlgorithm.ES256));

        one.activate(next.kid());

        assertThatThrownBy(() -> two.activate(next.kid())).isInstanceOf(IllegalStateException.class);
        assertThat(two.snapshot().active(KeyPurpose.OIDC_SIGNING, KeyAlgorithm.ES256).orElseThrow().kid())
                .isEqualTo(next.kid());
    }

    private static int secretRows(DataSource dataSource, String kid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from managed_key_secret where kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
