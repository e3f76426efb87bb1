package id.satupintu.idp.saml.sp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.satupintu.idp.keys.LocalMaintenanceLock;
import id.satupintu.idp.keys.MaintenanceLock;

/**
 * Lets one node of the cluster at a time run the metadata-URL refresh round, the same way key
 * rotation does ({@link id.satupintu.idp.keys.PostgresAdvisoryMaintenanceLock}): on PostgreSQL a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}) of its own id, never waited
 * for and released by PostgreSQL when the round ends or the node dies; on H2 (the quickstart, one
 * node) a JVM lock. A lock of its own so that a long refresh round and a key rotation do not skip
 * each other.
 */
public final class MetadataRefreshLock implements MaintenanceLock {

    /** An arbitrary constant naming this lock among the database's advisory locks ("SAML metadata"). */
    static final long LOCK_ID = 0x53414D4C_4D455441L;

    private final DataSource dataSource;
    private final MaintenanceLock local = new LocalMaintenanceLock();
    private volatile Boolean postgres;

    public MetadataRefreshLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> Optional<T> tryRun(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!isPostgres(connection)) {
                return local.tryRun(work);
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    return Optional.empty();
                }
                return Optional.ofNullable(work.get());
            } finally {
                connection.rollback(); // nothing was written on this connection; ending the transaction releases the lock
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the SAML metadata refresh lock", e);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
        return postgres;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK_ID);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
