package id.satupintu.keys;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ring held in this process only: for tests and for tools that load a ring from elsewhere. */
public final class MemoryKeyRingStore implements KeyRingStore {

    private final Map<String, ManagedKey> keys = new LinkedHashMap<>();
    private long revision;

    @Override
    public synchronized List<ManagedKey> all() {
        return new ArrayList<>(keys.values());
    }

    @Override
    public synchronized Optional<ManagedKey> find(String kid) {
        return Optional.ofNullable(keys.get(kid));
    }

    @Override
    public synchronized void insert(ManagedKey key) {
        if (keys.putIfAbsent(key.kid(), key) != null) {
            throw new KeyStoreFailure("a key with kid " + key.kid() + " exists");
        }
        revision++;
    }

    @Override
    public synchronized boolean update(ManagedKey expected, ManagedKey updated) {
        ManagedKey current = keys.get(expected.kid());
        if (current == null || current.state() != expected.state() || !updated.kid().equals(expected.kid())) {
            return false;
        }
        keys.put(updated.kid(), updated);
        revision++;
        return true;
    }

    @Override
    public synchronized void setCertificateChain(String kid, List<X509Certificate> chain) {
        ManagedKey current = find(kid).orElseThrow(() -> new KeyStoreFailure("no key with kid " + kid));
        keys.put(kid, current.withCertificateChain(chain));
        revision++;
    }

    @Override
    public synchronized long revision() {
        return revision;
    }
}
