package id.satupintu.keys;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The shared record of every managed key and its state: the database in production, so every
 * node sees the same ring; a file for the quickstart and the command line. Changes are
 * compare-and-set so that two nodes or a node and an operator's command never both win.
 */
public interface KeyRingStore {

    /** @return every key, destroyed ones included, oldest first */
    List<ManagedKey> all();

    Optional<ManagedKey> find(String kid);

    /** @throws KeyStoreFailure when a key with this kid exists */
    void insert(ManagedKey key);

    /**
     * Replaces {@code expected} by {@code updated} (same kid) only if the stored key is still in
     * {@code expected}'s state.
     *
     * @return false when another writer changed the key first
     */
    boolean update(ManagedKey expected, ManagedKey updated);

    /** Replaces the certificate chain of a key (a certificate authority answered a CSR). */
    void setCertificateChain(String kid, List<X509Certificate> chain);

    /**
     * @return a number that changes whenever the ring changes, cheap to read, so nodes can poll it
     *         and reload only on change
     */
    long revision();
}
