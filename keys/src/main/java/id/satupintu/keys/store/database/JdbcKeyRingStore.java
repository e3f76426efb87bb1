package id.satupintu.keys.store.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.ManagedKey;

/**
 * The key ring in the database ({@code managed_key}), shared by every node; plain JDBC, for
 * PostgreSQL in production and H2 for the quickstart. Every change bumps
 * {@code managed_key_ring.revision} in the same transaction, so a node polling {@link #revision()}
 * (or told by a Redis notification to look) never sees a new revision without the change behind
 * it. State changes are compare-and-set ({@code update ... where kid = ? and state = ?}).
 *
 * <p>Dates are kept to the microsecond. {@link #update} writes the life-cycle state and dates; the certificate chain changes only
 * through {@link #setCertificateChain}, so a state change computed from an older read cannot undo
 * a chain stored meanwhile.
 */
public final class JdbcKeyRingStore implements KeyRingStore {

    private static final String COLUMNS = "kid, purpose, algorithm, key_size, state, backend, public_key, "
            + "certificate_chain, created_at, activated_at, retired_at, destroyed_at";

    private final DataSource dataSource;

    public JdbcKeyRingStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<ManagedKey> all() {
        return Transactions.read(dataSource, "read the key ring", connection -> {
            List<ManagedKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from managed_key order by created_at, ring_order");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(read(rows));
                }
            }
            return keys;
        });
    }

    @Override
    public Optional<ManagedKey> find(String kid) {
        return Transactions.read(dataSource, "read the key " + kid, connection -> find(connection, kid));
    }

    @Override
    public void insert(ManagedKey key) {
        Transactions.inTransaction(dataSource, "record the key " + key.kid(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into managed_key (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.kid());
                insert.setString(2, key.purpose().name());
                insert.setString(3, key.spec().algorithm().name());
                insert.setInt(4, key.spec().size());
                insert.setString(5, key.state().name());
                insert.setString(6, key.backend());
                insert.setBytes(7, key.publicKey().getEncoded());
                insert.setString(8, PemCertificates.encode(key.certificateChain()));
                insert.setObject(9, timestamp(key.createdAt()));
                insert.setObject(10, timestamp(key.activatedAt()));
                insert.setObject(11, timestamp(key.retiredAt()));
                insert.setObject(12, timestamp(key.destroyedAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (Transactions.isUniqueViolation(e)) {
                    throw new KeyStoreFailure("a key with kid " + key.kid() + " exists");
                }
                throw e;
            }
            bumpRevision(connection);
            return null;
        });
    }

    @Override
    public boolean update(ManagedKey expected, ManagedKey updated) {
        if (!expected.kid().equals(updated.kid())) {
            return false;
        }
        return Transactions.inTransaction(dataSource, "change the key " + expected.kid(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("update managed_key set state = ?, "
                    + "activated_at = ?, retired_at = ?, destroyed_at = ? where kid = ? and state = ?")) {
                update.setString(1, updated.state().name());
                update.setObject(2, timestamp(updated.activatedAt()));
                update.setObject(3, timestamp(updated.retiredAt()));
                update.setObject(4, timestamp(updated.destroyedAt()));
                update.setString(5, expected.kid());
                update.setString(6, expected.state().name());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            bumpRevision(connection);
            return true;
        });
    }

    @Override
    public void setCertificateChain(String kid, List<X509Certificate> chain) {
        String pem = PemCertificates.encode(chain);
        Transactions.inTransaction(dataSource, "store the certificate chain of " + kid, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update managed_key set certificate_chain = ? where kid = ?")) {
                update.setString(1, pem);
                update.setString(2, kid);
                if (update.executeUpdate() != 1) {
                    throw new KeyStoreFailure("no key with kid " + kid);
                }
            }
            bumpRevision(connection);
            return null;
        });
    }

    @Override
    public long revision() {
        return Transactions.read(dataSource, "read the key ring revision", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select revision from managed_key_ring where id = 1");
                 ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new KeyStoreFailure("managed_key_ring has no row; did migration V7 run?");
                }
                return row.getLong(1);
            }
        });
    }

    private static Optional<ManagedKey> find(Connection connection, String kid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from managed_key where kid = ?")) {
            select.setString(1, kid);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static void bumpRevision(Connection connection) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "update managed_key_ring set revision = revision + 1 where id = 1")) {
            if (bump.executeUpdate() != 1) {
                throw new KeyStoreFailure("managed_key_ring has no row; did migration V7 run?");
            }
        }
    }

    private static ManagedKey read(ResultSet row) throws SQLException {
        KeyAlgorithm algorithm = KeyAlgorithm.valueOf(row.getString("algorithm"));
        return new ManagedKey(row.getString("kid"), KeyPurpose.valueOf(row.getString("purpose")),
                new KeySpec(algorithm, row.getInt("key_size")), KeyState.valueOf(row.getString("state")),
                row.getString("backend"), SoftwareKeyPairs.publicKey(algorithm, row.getBytes("public_key")),
                PemCertificates.decode(row.getString("certificate_chain")), instant(row, "created_at"),
                instant(row, "activated_at"), instant(row, "retired_at"), instant(row, "destroyed_at"));
    }

    /** Microseconds, the precision of PostgreSQL's {@code timestamptz}, truncated here so both databases agree. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
