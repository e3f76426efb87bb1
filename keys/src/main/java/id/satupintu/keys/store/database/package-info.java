/**
 * Keys in the database: {@link id.satupintu.keys.store.database.JdbcKeyRingStore} keeps the ring
 * (table {@code managed_key}, revision in {@code managed_key_ring}) and
 * {@link id.satupintu.keys.store.database.DatabaseKeyBackend} keeps private keys envelope-encrypted
 * (table {@code managed_key_secret}); the schema is Flyway migration
 * {@code db/migration/V7__managed_keys.sql} in this module, portable between PostgreSQL and H2 in
 * PostgreSQL mode. Plain JDBC: the keys module has no Spring.
 *
 * <h2>Envelope encryption</h2>
 * Each private key, as PKCS#8 (RFC 5958), is encrypted with AES-256-GCM (NIST SP 800-38D, random
 * 96-bit nonce, 128-bit tag) under a data-encryption key (DEK) of its own; the DEK is encrypted
 * with AES-256-GCM under the key-encryption key (KEK,
 * {@link id.satupintu.keys.store.database.KeyEncryptionKey}). The additional authenticated data
 * binds the private key ciphertext to its kid and the wrapped DEK to its kid and KEK id, so rows
 * or columns copied between kids do not decrypt. The KEK comes from a file or the environment,
 * never from the database, so a database copy alone yields no private key.
 *
 * <h2>Rotating the KEK</h2>
 * <ol>
 * <li>Give every node the new KEK as current and the old one as previous, and restart them: they
 * read keys under either KEK and wrap new keys under the new one.</li>
 * <li>Run {@link id.satupintu.keys.store.database.DatabaseKeyBackend#rewrap} once (one transaction;
 * only the 32-byte DEKs are re-encrypted). Run it again if a node generated a key meanwhile; it
 * reports 0 when every key is under the new KEK.</li>
 * <li>Remove the old KEK from every node's configuration and destroy it.</li>
 * </ol>
 *
 * <h2>Several nodes</h2>
 * Every ring change bumps {@code managed_key_ring.revision} in its own transaction, so a node that
 * polls {@link id.satupintu.keys.store.database.JdbcKeyRingStore#revision()} (or is told to look by a
 * Redis notification from the node that made the change) reloads the ring only when it changed and
 * never sees a revision without its change. Each node caches decrypted private keys; when it sees a
 * key destroyed it calls {@link id.satupintu.keys.store.database.DatabaseKeyBackend#evict}.
 */
package id.satupintu.keys.store.database;
