package id.satupintu.keys.store.database;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import id.satupintu.keys.KeyBackend;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.KeyStoreFailure;
import id.satupintu.keys.PrivateKeyHandle;

/**
 * Private keys in the database ({@code managed_key_secret}), envelope-encrypted: each PKCS#8
 * private key (RFC 5958) is encrypted with AES-256-GCM (NIST SP 800-38D) under a data-encryption
 * key of its own, which is wrapped with AES-256-GCM under a {@link KeyEncryptionKey} that never
 * enters the database. A copy of the database (a backup, a dump, a read replica) alone reveals no
 * private key. Additional authenticated data ties the private key ciphertext to its kid and the
 * wrapped key to its kid and KEK id, so rows copied between kids do not decrypt (see the package
 * documentation).
 *
 * <p>Keys are generated in software with the JDK (RSA 2048/3072, ECDSA P-256, Ed25519). A key is
 * decrypted on first use and kept in memory for the life of this object, so signing costs no
 * database trip and no decryption; {@link #destroy} and {@link #evict} drop it from memory.
 * Another node's {@code destroy} does not reach this node's memory: a node that reloads the ring
 * calls {@link #evict} for every key it sees destroyed (a destroyed key no longer signs anyway).
 *
 * <p>KEK rotation: configure every node with the new KEK as current and the old one among the
 * previous KEKs, run {@link #rewrap} once, then remove the old KEK from the configuration.
 *
 * <p>{@link #generate} stores the private key before the ring store records the key, so
 * {@code managed_key_secret} has no foreign key to {@code managed_key}. If recording fails
 * afterwards, an orphan secret row remains; it is harmless (nothing publishes or uses it) and
 * {@link #destroy} removes it.
 */
public final class DatabaseKeyBackend implements KeyBackend {

    public static final String ID = "database";

    private final DataSource dataSource;
    private final EnvelopeEncryption envelopes;
    private final Map<String, PrivateKeyHandle> decrypted = new ConcurrentHashMap<>();

    /**
     * @param currentKek wraps the data-encryption keys of new keys
     * @param previousKeks unwrap keys not yet re-wrapped under {@code currentKek} (during a KEK rotation); may be empty
     */
    public DatabaseKeyBackend(DataSource dataSource, KeyEncryptionKey currentKek,
                              Collection<KeyEncryptionKey> previousKeks) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.envelopes = new EnvelopeEncryption(Objects.requireNonNull(currentKek, "currentKek"),
                List.copyOf(previousKeks));
    }

    @Override
    public String id() {
        return ID;
    }

    /** @return the id of the KEK that wraps new keys */
    public String currentKekId() {
        return envelopes.current().id();
    }

    @Override
    public PublicKey generate(String kid, KeySpec spec) {
        Objects.requireNonNull(kid, "kid");
        KeyPair pair = spec.newSoftwareKeyPair();
        importKey(kid, pair);
        return pair.getPublic();
    }

    /**
     * Stores an existing key pair under {@code kid}, sealed like a generated one: how keys made
     * elsewhere (the quickstart's JWK Set file) move into this back end with their {@code kid}s.
     *
     * @throws KeyStoreFailure when a key with this kid exists or it cannot be stored
     */
    public void importKey(String kid, KeyPair pair) {
        Objects.requireNonNull(kid, "kid");
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        SealedPrivateKey sealed;
        try {
            sealed = envelopes.seal(kid, pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        Transactions.inTransaction(dataSource, "store the private key of '" + kid + "'", connection -> {
            try {
                SecretTable.insert(connection, sealed);
            } catch (SQLException e) {
                if (Transactions.isUniqueViolation(e)) {
                    throw new KeyStoreFailure("a key with kid " + kid + " exists in the database back end");
                }
                throw e;
            }
            return null;
        });
        decrypted.put(kid, PrivateKeyHandle.software(pair.getPrivate()));
    }

    @Override
    public PrivateKeyHandle privateKey(String kid) {
        PrivateKeyHandle cached = decrypted.get(kid);
        if (cached != null) {
            return cached;
        }
        SealedPrivateKey sealed = Transactions.read(dataSource, "read the private key of '" + kid + "'",
                connection -> SecretTable.find(connection, kid))
                .orElseThrow(() -> new KeyStoreFailure("no private key with kid " + kid + " in the database back end"));
        byte[] pkcs8 = envelopes.open(sealed);
        PrivateKey key;
        try {
            key = SoftwareKeyPairs.privateKey(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        PrivateKeyHandle handle = PrivateKeyHandle.software(key);
        PrivateKeyHandle raced = decrypted.putIfAbsent(kid, handle);
        return raced == null ? handle : raced;
    }

    /**
     * Deletes the secret row. Overwriting the row before deleting it would be pointless: PostgreSQL
     * (MVCC) writes a new row version and leaves the old one until vacuum, and the WAL, replicas and
     * backups keep copies regardless. What makes those copies useless is the envelope: once the KEK
     * they were wrapped with is rotated away and destroyed, nothing opens them.
     */
    @Override
    public void destroy(String kid) {
        decrypted.remove(kid);
        Transactions.inTransaction(dataSource, "delete the private key of '" + kid + "'",
                connection -> SecretTable.delete(connection, kid));
        decrypted.remove(kid);
    }

    /**
     * @return the kid of every private key in the database, sorted; a kid the ring does not know is
     *         an orphan left by a generation whose recording failed, and can be destroyed
     */
    public List<String> heldKids() {
        return Transactions.read(dataSource, "list the private keys", SecretTable::kids);
    }

    /** Forgets the decrypted private key of {@code kid} in this node's memory; the database row stays. */
    public void evict(String kid) {
        decrypted.remove(kid);
    }

    /**
     * Re-wraps the data-encryption key of every key in the database under {@code newKek}, in one
     * transaction (all or nothing; the rows are locked meanwhile). Private key ciphertexts are not
     * touched. Afterwards this back end wraps new keys under {@code newKek} and still reads with the
     * KEKs it had.
     *
     * @return how many keys were re-wrapped (keys already under {@code newKek} are checked, not counted)
     * @throws KeyStoreFailure when a key was wrapped with a KEK this back end is not configured
     *         with, or a configured KEK does not open it; nothing is changed then
     */
    public int rewrap(KeyEncryptionKey newKek) {
        Objects.requireNonNull(newKek, "newKek");
        int count = Transactions.inTransaction(dataSource, "re-wrap the data-encryption keys under KEK '"
                + newKek.id() + "'", connection -> {
                    int rewrapped = 0;
                    for (SealedPrivateKey sealed : SecretTable.lockAll(connection)) {
                        boolean already = sealed.kekId().equals(newKek.id());
                        SealedPrivateKey next = envelopes.rewrap(sealed, newKek);
                        if (!already) {
                            SecretTable.updateWrapping(connection, next);
                            rewrapped++;
                        }
                    }
                    return rewrapped;
                });
        envelopes.adopt(newKek);
        return count;
    }

    @Override
    public String toString() {
        return "DatabaseKeyBackend[kek=" + envelopes.current().id() + "]";
    }
}
