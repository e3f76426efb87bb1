package id.satupintu.keys.store.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code managed_key_secret}, one statement per method; callers own the transaction. */
final class SecretTable {

    private static final String COLUMNS = "kid, kek_id, dek_nonce, wrapped_dek, private_key_nonce, encrypted_private_key";

    private SecretTable() {
    }

    static void insert(Connection connection, SealedPrivateKey sealed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into managed_key_secret (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, sealed.kid());
            insert.setString(2, sealed.kekId());
            insert.setBytes(3, sealed.wrappedDek().nonce());
            insert.setBytes(4, sealed.wrappedDek().ciphertext());
            insert.setBytes(5, sealed.encryptedPrivateKey().nonce());
            insert.setBytes(6, sealed.encryptedPrivateKey().ciphertext());
            insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    static Optional<SealedPrivateKey> find(Connection connection, String kid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from managed_key_secret where kid = ?")) {
            select.setString(1, kid);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every row, locked until the transaction ends so no writer changes one while it is re-wrapped. */
    static List<SealedPrivateKey> lockAll(Connection connection) throws SQLException {
        List<SealedPrivateKey> all = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from managed_key_secret order by kid for update");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(read(rows));
            }
        }
        return all;
    }

    /** Replaces the wrapped DEK of a row; the private key ciphertext is left as it is. */
    static void updateWrapping(Connection connection, SealedPrivateKey sealed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update managed_key_secret set kek_id = ?, dek_nonce = ?, wrapped_dek = ? where kid = ?")) {
            update.setString(1, sealed.kekId());
            update.setBytes(2, sealed.wrappedDek().nonce());
            update.setBytes(3, sealed.wrappedDek().ciphertext());
            update.setString(4, sealed.kid());
            if (update.executeUpdate() != 1) {
                throw new SQLException("managed_key_secret row " + sealed.kid() + " vanished while locked");
            }
        }
    }

    static List<String> kids(Connection connection) throws SQLException {
        List<String> kids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select kid from managed_key_secret order by kid");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                kids.add(rows.getString(1));
            }
        }
        return kids;
    }

    static boolean delete(Connection connection, String kid) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from managed_key_secret where kid = ?")) {
            delete.setString(1, kid);
            return delete.executeUpdate() > 0;
        }
    }

    private static SealedPrivateKey read(ResultSet row) throws SQLException {
        return new SealedPrivateKey(row.getString(1), row.getString(2),
                new AesGcm.Sealed(row.getBytes(3), row.getBytes(4)), new AesGcm.Sealed(row.getBytes(5), row.getBytes(6)));
    }
}
