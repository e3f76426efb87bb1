package id.satupintu.idp.saml.sp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import id.satupintu.idp.keys.LocalMaintenanceLock;
import id.satupintu.idp.keys.MaintenanceLock;
import id.satupintu.idp.keys.PostgresAdvisoryMaintenanceLock;

/**
 * Lets one node of the cluster at a time run the metadata-URL refresh round, the same way key
 * rotation does: on PostgreSQL a transaction-scoped advisory lock
 * ({@link PostgresAdvisoryMaintenanceLock}) of its own id, never waited for and released by
 * PostgreSQL when the round ends or the node dies; on H2 (the quickstart, one node) a JVM lock. A
 * lock of its own so that a long refresh round and a key rotation do not skip each other.
 */
public final class MetadataRefreshLock implements MaintenanceLock {

    /** An arbitrary constant naming this lock among the database's advisory locks ("SAML metadata"). */
    static final long LOCK_ID = 0x53414D4C_4D455441L;

    private final DataSource dataSource;
    private final MaintenanceLock postgresLock;
    private final MaintenanceLock local = new LocalMaintenanceLock();
    private volatile Boolean postgres;

    public MetadataRefreshLock(DataSource dataSource) {
        this.dataSource = dataSource;
        this.postgresLock = new PostgresAdvisoryMaintenanceLock(dataSource, LOCK_ID);
    }

    @Override
    public <T> Optional<T> tryRun(Supplier<T> work) {
        return (isPostgres() ? postgresLock : local).tryRun(work);
    }

    private boolean isPostgres() {
        if (postgres == null) {
            try (Connection connection = dataSource.getConnection()) {
                postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot take the SAML metadata refresh lock", e);
            }
        }
        return postgres;
    }
}
