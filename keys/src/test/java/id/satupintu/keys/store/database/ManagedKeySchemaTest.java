package id.satupintu.keys.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The V7 schema's own rules, on both databases, checked through a connection other than the one
 * that ran the migration (H2 2.4.240 breaks some check constraints exactly then).
 */
class ManagedKeySchemaTest {

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("postgres", (Supplier<DataSource>) TestDatabases::postgres),
                Arguments.of("h2", (Supplier<DataSource>) TestDatabases::h2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertWhenEveryColumnValidThenAccepted(String name, Supplier<DataSource> database) throws SQLException {
        DataSource dataSource = database.get();

        insert(dataSource, "OIDC_SIGNING", "ES256", "NEXT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertWhenStateUnknownThenCheckConstraintRefuses(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();

        assertThatThrownBy(() -> insert(dataSource, "OIDC_SIGNING", "ES256", "LOST"))
                // integrity constraint violation: 23514 in PostgreSQL, 23513 in H2
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"))
                .hasMessageContaining("ck_managed_key_state");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertWhenPurposeOrAlgorithmUnknownThenCheckConstraintRefuses(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();

        assertThatThrownBy(() -> insert(dataSource, "TLS", "ES256", "NEXT")).hasMessageContaining("ck_managed_key_purpose");
        assertThatThrownBy(() -> insert(dataSource, "OIDC_SIGNING", "HS256", "NEXT"))
                .hasMessageContaining("ck_managed_key_algorithm");
    }

    private static void insert(DataSource dataSource, String purpose, String algorithm, String state) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into managed_key (kid, purpose, algorithm, "
                     + "key_size, state, backend, public_key, created_at) values (?, ?, ?, 256, ?, 'test', ?, ?)")) {
            insert.setString(1, "schema-" + System.nanoTime());
            insert.setString(2, purpose);
            insert.setString(3, algorithm);
            insert.setString(4, state);
            insert.setBytes(5, new byte[] {1, 2, 3});
            insert.setObject(6, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }
}
