package id.satupintu.keys;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A consistent snapshot of every managed key, as one node sees it at one moment. Immutable; a
 * node swaps in a new snapshot when the {@link KeyRingStore#revision()} changes.
 */
public final class KeyRing {

    private final List<ManagedKey> keys;
    private final long revision;

    public KeyRing(List<ManagedKey> keys, long revision) {
        this.keys = List.copyOf(keys);
        this.revision = revision;
    }

    public long revision() {
        return revision;
    }

    public List<ManagedKey> all() {
        return keys;
    }

    /** @return the key that signs (or decrypts) for this purpose and algorithm now; the newest if, transiently, two are */
    public Optional<ManagedKey> active(KeyPurpose purpose, KeyAlgorithm algorithm) {
        return keys.stream()
                .filter(k -> k.purpose() == purpose && k.spec().algorithm() == algorithm && k.state() == KeyState.ACTIVE)
                .max(Comparator.comparing(ManagedKey::activatedAt));
    }

    /** @return the keys relying parties should find for this purpose: NEXT, ACTIVE and RETIRED */
    public List<ManagedKey> published(KeyPurpose purpose) {
        return keys.stream().filter(k -> k.purpose() == purpose && k.state().isPublished()).toList();
    }

    public Optional<ManagedKey> find(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }
}
