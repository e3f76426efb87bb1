package id.satupintu.idp.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.satupintu.keys.KeyStoreFailure;

/**
 * A cluster-wide lock from PostgreSQL itself: {@code pg_try_advisory_xact_lock} (PostgreSQL
 * documentation, "Advisory Locks") in a transaction held open while the work runs. It never
 * waits, and PostgreSQL releases it when the transaction ends or the node's connection dies, so
 * a crashed node cannot keep the others from rotating.
 */
public final class PostgresAdvisoryMaintenanceLock implements MaintenanceLock {

    /** An arbitrary constant naming this lock among the database's advisory locks ("SatuPintu keys"). */
    static final long LOCK_ID = 0x5361747550_4B6579L;

    private final DataSource dataSource;
    private final long lockId;

    /** The key-maintenance lock. */
    public PostgresAdvisoryMaintenanceLock(DataSource dataSource) {
        this(dataSource, LOCK_ID);
    }

    /**
     * Another cluster-wide lock of the same kind, for other periodic work (SAML metadata refresh):
     * a separate id, so the two rounds never skip each other.
     */
    public PostgresAdvisoryMaintenanceLock(DataSource dataSource, long lockId) {
        this.dataSource = dataSource;
        this.lockId = lockId;
    }

    @Override
    public <T> Optional<T> tryRun(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
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
            throw new KeyStoreFailure("cannot take the maintenance lock " + Long.toHexString(lockId), e);
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, lockId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
