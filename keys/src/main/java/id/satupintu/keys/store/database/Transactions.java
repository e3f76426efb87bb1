package id.satupintu.keys.store.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import id.satupintu.keys.KeyStoreFailure;

/** Plain JDBC transactions (the keys module has no Spring): commit on success, roll back on any failure. */
final class Transactions {

    /** SQLSTATE of a unique or primary key violation, the same in PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Work done in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * @param what what the work does, for the failure message ("store the private key of 'x'")
     * @throws KeyStoreFailure when the database fails; the transaction is rolled back
     */
    static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw new KeyStoreFailure("cannot " + what + ": database error " + e.getSQLState(), e);
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one read-only statement in the connection's own auto-commit mode: no extra round trips
     * for begin and commit, which matters for {@code revision()}, polled by every node.
     *
     * @throws KeyStoreFailure when the database fails
     */
    static <T> T read(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new KeyStoreFailure("cannot " + what + ": database error " + e.getSQLState(), e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the connection is closed next; a pool resets it anyway
        }
    }
}
