package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;

/** The envelope: what lands in the database, what ties it to its row, and KEK rotation; on both databases. */
class DatabaseKeyBackendEnvelopeTest {

    private static final byte[] MESSAGE = "satu pintu".getBytes(StandardCharsets.UTF_8);
    private static final KeyEncryptionKey OLD = KeyEncryptionKey.generate("kek-2026-01");
    private static final KeyEncryptionKey NEW = KeyEncryptionKey.generate("kek-2026-07");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgres", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("h2", (Supplier<DataSource>) TestDatabases::h2));
    }

    private static String kid() {
        return "envelope-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void generateWhenStoredThenRowHoldsNoPkcs8BytesAndNoKek(String name, Supplier<DataSource> database) throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String kid = kid();
        backend.generate(kid, KeySpec.of(KeyAlgorithm.RS256));
        byte[] pkcs8 = backend.privateKey(kid).key().getEncoded();
        byte[] kek = OLD.secretKey().getEncoded();

        for (String column : List.of("dek_nonce", "wrapped_dek", "private_key_nonce", "encrypted_private_key")) {
            byte[] stored = column(dataSource, kid, column);
            assertThat(containsAnyWindow(stored, pkcs8, 16)).as(column + " holds PKCS#8 bytes").isFalse();
            assertThat(containsAnyWindow(stored, kek, 8)).as(column + " holds KEK bytes").isFalse();
        }
        assertThat(stringColumn(dataSource, kid, "kek_id")).isEqualTo("kek-2026-01");
        assertThat(column(dataSource, kid, "dek_nonce")).hasSize(12);
        assertThat(column(dataSource, kid, "private_key_nonce")).hasSize(12);
        // 32-byte DEK + 16-byte tag
        assertThat(column(dataSource, kid, "wrapped_dek")).hasSize(48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenAnotherNodeReadsThenDecryptedFromDatabaseAndSigns(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        String kid = kid();
        PublicKey publicKey = new DatabaseKeyBackend(dataSource, OLD, List.of()).generate(kid, KeySpec.of(KeyAlgorithm.EDDSA));

        DatabaseKeyBackend otherNode = new DatabaseKeyBackend(dataSource, OLD, List.of());

        assertThat(verifies(publicKey, otherNode.privateKey(kid).key())).isTrue();
        assertThat(otherNode.privateKey(kid)).isSameAs(otherNode.privateKey(kid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenSecretRowsSwappedBetweenKidsThenRefused(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String one = kid();
        String two = kid();
        backend.generate(one, KeySpec.of(KeyAlgorithm.ES256));
        backend.generate(two, KeySpec.of(KeyAlgorithm.ES256));

        swap(dataSource, one, two, "dek_nonce", "wrapped_dek", "private_key_nonce", "encrypted_private_key");
        DatabaseKeyBackend otherNode = new DatabaseKeyBackend(dataSource, OLD, List.of());

        assertThatThrownBy(() -> otherNode.privateKey(one)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining(one).hasMessageContaining("does not unwrap");
        assertThatThrownBy(() -> otherNode.privateKey(two)).isInstanceOf(KeyStoreFailure.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenOnlyPrivateKeyCiphertextSwappedThenRefused(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String one = kid();
        String two = kid();
        backend.generate(one, KeySpec.of(KeyAlgorithm.ES256));
        backend.generate(two, KeySpec.of(KeyAlgorithm.ES256));

        swap(dataSource, one, two, "private_key_nonce", "encrypted_private_key");

        assertThatThrownBy(() -> new DatabaseKeyBackend(dataSource, OLD, List.of()).privateKey(one))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining(one)
                .hasMessageContaining("does not decrypt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenNonceOrCiphertextAlteredThenKeyStoreFailure(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String shortNonce = kid();
        String flippedBit = kid();
        backend.generate(shortNonce, KeySpec.of(KeyAlgorithm.ES256));
        backend.generate(flippedBit, KeySpec.of(KeyAlgorithm.ES256));
        byte[] ciphertext = column(dataSource, flippedBit, "encrypted_private_key");
        ciphertext[0] ^= 1;

        set(dataSource, shortNonce, "dek_nonce", new byte[4]);
        set(dataSource, flippedBit, "encrypted_private_key", ciphertext);
        DatabaseKeyBackend otherNode = new DatabaseKeyBackend(dataSource, OLD, List.of());

        assertThatThrownBy(() -> otherNode.privateKey(shortNonce)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("does not unwrap");
        assertThatThrownBy(() -> otherNode.privateKey(flippedBit)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("does not decrypt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void generateWhenTwoKeysThenEachHasItsOwnDataEncryptionKeyAndNonces(String name, Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String one = kid();
        String two = kid();
        backend.generate(one, KeySpec.of(KeyAlgorithm.ES256));
        backend.generate(two, KeySpec.of(KeyAlgorithm.ES256));

        for (String column : List.of("dek_nonce", "wrapped_dek", "private_key_nonce")) {
            assertThat(column(dataSource, one, column)).as(column).isNotEqualTo(column(dataSource, two, column));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenKekWithSameIdButOtherBytesThenClearFailureWithoutKeyMaterial(String name,
                                                                                    Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        String kid = kid();
        new DatabaseKeyBackend(dataSource, OLD, List.of()).generate(kid, KeySpec.of(KeyAlgorithm.ES256));
        KeyEncryptionKey impostor = KeyEncryptionKey.generate(OLD.id());

        assertThatThrownBy(() -> new DatabaseKeyBackend(dataSource, impostor, List.of()).privateKey(kid))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("KEK 'kek-2026-01' does not unwrap the data-encryption key of '" + kid + "'")
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(Base64.getEncoder().encodeToString(OLD.secretKey().getEncoded()))
                        .doesNotContain(Base64.getEncoder().encodeToString(impostor.secretKey().getEncoded())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void privateKeyWhenKekNotConfiguredThenFailureNamesTheMissingKek(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        String kid = kid();
        new DatabaseKeyBackend(dataSource, OLD, List.of()).generate(kid, KeySpec.of(KeyAlgorithm.ES256));

        assertThatThrownBy(() -> new DatabaseKeyBackend(dataSource, NEW, List.of()).privateKey(kid))
                .isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("the key '" + kid + "' was wrapped with KEK 'kek-2026-01', which is not configured");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rewrapWhenNewKekThenReadableWithOnlyNewKekNotOldAndCiphertextUnchanged(String name,
                                                                              Supplier<DataSource> database)
            throws Exception {
        DataSource dataSource = database.get();
        DatabaseKeyBackend node = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String one = kid();
        String two = kid();
        PublicKey publicOne = node.generate(one, KeySpec.of(KeyAlgorithm.ES256));
        PublicKey publicTwo = node.generate(two, KeySpec.of(KeyAlgorithm.PS256));
        byte[] ciphertextBefore = column(dataSource, one, "encrypted_private_key");
        byte[] wrappedBefore = column(dataSource, one, "wrapped_dek");

        int rewrapped = new DatabaseKeyBackend(dataSource, NEW, List.of(OLD)).rewrap(NEW);

        assertThat(rewrapped).isEqualTo(2);
        assertThat(column(dataSource, one, "encrypted_private_key")).isEqualTo(ciphertextBefore);
        assertThat(column(dataSource, one, "wrapped_dek")).isNotEqualTo(wrappedBefore);
        assertThat(stringColumn(dataSource, one, "kek_id")).isEqualTo("kek-2026-07");
        DatabaseKeyBackend onlyNew = new DatabaseKeyBackend(dataSource, NEW, List.of());
        assertThat(verifies(publicOne, onlyNew.privateKey(one).key())).isTrue();
        assertThat(onlyNew.privateKey(two).key().getAlgorithm()).isEqualTo("RSA");
        assertThat(publicTwo.getAlgorithm()).isEqualTo("RSA");
        assertThatThrownBy(() -> new DatabaseKeyBackend(dataSource, OLD, List.of()).privateKey(one))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("KEK 'kek-2026-07', which is not configured");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rewrapWhenRunTwiceThenSecondRunChangesNothing(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        DatabaseKeyBackend node = new DatabaseKeyBackend(dataSource, OLD, List.of());
        node.generate(kid(), KeySpec.of(KeyAlgorithm.ES256));

        assertThat(node.rewrap(NEW)).isEqualTo(1);
        assertThat(node.rewrap(NEW)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rewrapWhenDoneThenThisBackendWrapsNewKeysUnderNewKek(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        DatabaseKeyBackend node = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String before = kid();
        node.generate(before, KeySpec.of(KeyAlgorithm.ES256));

        node.rewrap(NEW);
        String after = kid();
        node.generate(after, KeySpec.of(KeyAlgorithm.ES256));

        assertThat(node.currentKekId()).isEqualTo("kek-2026-07");
        assertThat(stringColumn(dataSource, after, "kek_id")).isEqualTo("kek-2026-07");
        DatabaseKeyBackend onlyNew = new DatabaseKeyBackend(dataSource, NEW, List.of());
        assertThat(onlyNew.privateKey(before)).isNotNull();
        assertThat(onlyNew.privateKey(after)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rewrapWhenAnyKeyUnderUnknownKekThenFailsNamingItAndChangesNothing(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        String known = kid();
        String unknown = kid();
        new DatabaseKeyBackend(dataSource, OLD, List.of()).generate(known, KeySpec.of(KeyAlgorithm.ES256));
        new DatabaseKeyBackend(dataSource, KeyEncryptionKey.generate("kek-lost"), List.of())
                .generate(unknown, KeySpec.of(KeyAlgorithm.ES256));
        DatabaseKeyBackend node = new DatabaseKeyBackend(dataSource, OLD, List.of());

        assertThatThrownBy(() -> node.rewrap(NEW)).isInstanceOf(KeyStoreFailure.class)
                .hasMessageContaining("was wrapped with KEK 'kek-lost', which is not configured");

        assertThat(stringColumn(dataSource, known, "kek_id")).isEqualTo("kek-2026-01");
        assertThat(node.currentKekId()).isEqualTo("kek-2026-01");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void destroyWhenKeyCachedThenRowDeletedAndCacheDropped(String name, Supplier<DataSource> database)
            throws SQLException {
        DataSource dataSource = database.get();
        DatabaseKeyBackend node = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String kid = kid();
        node.generate(kid, KeySpec.of(KeyAlgorithm.ES256));
        node.privateKey(kid);

        node.destroy(kid);

        assertThat(secretRows(dataSource, kid)).isZero();
        assertThatThrownBy(() -> node.privateKey(kid)).isInstanceOf(KeyStoreFailure.class).hasMessageContaining(kid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void evictWhenAnotherNodeDestroyedKeyThenThisNodeNoLongerHoldsIt(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        DatabaseKeyBackend one = new DatabaseKeyBackend(dataSource, OLD, List.of());
        DatabaseKeyBackend two = new DatabaseKeyBackend(dataSource, OLD, List.of());
        String kid = kid();
        one.generate(kid, KeySpec.of(KeyAlgorithm.ES256));
        two.privateKey(kid);

        one.destroy(kid);
        two.evict(kid);

        assertThatThrownBy(() -> two.privateKey(kid)).isInstanceOf(KeyStoreFailure.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void heldKidsWhenKeysGeneratedAndOneDestroyedThenListsTheOthersSorted(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        DatabaseKeyBackend backend = new DatabaseKeyBackend(dataSource, OLD, List.of());
        backend.generate("b", KeySpec.of(KeyAlgorithm.ES256));
        backend.generate("a", KeySpec.of(KeyAlgorithm.ES256));
        backend.generate("c", KeySpec.of(KeyAlgorithm.ES256));

        backend.destroy("c");

        assertThat(backend.heldKids()).containsExactly("a", "b");
    }

    @org.junit.jupiter.api.Test
    void constructorWhenTwoDifferentKeksShareAnIdThenRefused() {
        assertThatThrownBy(() -> new DatabaseKeyBackend(TestDatabases.h2(), OLD,
                List.of(KeyEncryptionKey.generate(OLD.id())))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kek-2026-01");
    }

    @org.junit.jupiter.api.Test
    void toStringWhenPrintedThenNamesKekIdOnly() {
        assertThat(new DatabaseKeyBackend(TestDatabases.h2(), OLD, List.of()).toString())
                .isEqualTo("DatabaseKeyBackend[kek=kek-2026-01]");
    }

    private static boolean verifies(PublicKey publicKey, java.security.PrivateKey privateKey) throws Exception {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> "Ed25519";
        };
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        return verifier.verify(signer.sign());
    }

    private static boolean containsAnyWindow(byte[] haystack, byte[] needle, int window) {
        String hay = HexFormat.of().formatHex(haystack);
        for (int i = 0; i + window <= needle.length; i++) {
            String part = HexFormat.of().formatHex(Arrays.copyOfRange(needle, i, i + window));
            int at = hay.indexOf(part);
            while (at >= 0) {
                if (at % 2 == 0) {
                    return true;
                }
                at = hay.indexOf(part, at + 1);
            }
        }
        return false;
    }

    private static byte[] column(DataSource dataSource, String kid, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + column + " from managed_key_secret where kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static String stringColumn(DataSource dataSource, String kid, String column) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + column + " from managed_key_secret where kid = ?")) {
            select.setString(1, kid);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    private static void set(DataSource dataSource, String kid, String column, byte[] value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update managed_key_secret set " + column + " = ? where kid = ?")) {
            update.setBytes(1, value);
            update.setString(2, kid);
            assertThat(update.executeUpdate()).isOne();
        }
    }

    /** Swaps the given columns between two secret rows, as an attacker with write access to the table could. */
    private static void swap(DataSource dataSource, String one, String two, String... columns) throws SQLException {
        for (String column : columns) {
            byte[] first = column(dataSource, one, column);
            byte[] second = column(dataSource, two, column);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(
                         "update managed_key_secret set " + column + " = ? where kid = ?")) {
                update.setBytes(1, second);
                update.setString(2, one);
                update.executeUpdate();
                update.setBytes(1, first);
                update.setString(2, two);
                update.executeUpdate();
            }
        }
    }
}
