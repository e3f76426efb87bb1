package id.satupintu.keys;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The key life cycle: generate, activate, retire, destroy, and the scheduled {@link #maintain}
 * step that moves every ring along its {@link RotationPolicy}. Every change is a compare-and-set
 * on the {@link KeyRingStore}, so several nodes (or a node and the command line) running this at
 * once cannot both apply the same change; the server additionally lets only one node run
 * {@code maintain} at a time.
 */
public final class KeyManager {

    private final KeyRingStore store;
    private final Map<String, KeyBackend> backends;
    private final KeyBackend newKeysBackend;
    private final Clock clock;

    /**
     * @param backends every back end that holds keys of this ring, by {@link KeyBackend#id()}
     * @param newKeysBackend where new keys are generated
     */
    public KeyManager(KeyRingStore store, Map<String, KeyBackend> backends, KeyBackend newKeysBackend, Clock clock) {
        this.store = store;
        this.backends = Map.copyOf(backends);
        this.newKeysBackend = newKeysBackend;
        this.clock = clock;
        if (!this.backends.containsKey(newKeysBackend.id())) {
            throw new IllegalArgumentException("back end for new keys must be among the back ends");
        }
    }

    public KeyRing snapshot() {
        long revision = store.revision();
        return new KeyRing(store.all(), revision);
    }

    /** @return the private key of a key in the ring, from its back end */
    public PrivateKeyHandle privateKey(ManagedKey key) {
        KeyBackend backend = backends.get(key.backend());
        if (backend == null) {
            throw new KeyStoreFailure("key " + key.kid() + " is held by back end '" + key.backend()
                    + "', which this node is not configured with");
        }
        return backend.privateKey(key.kid());
    }

    /** Generates a key, published as NEXT. */
    public ManagedKey generate(KeyPurpose purpose, KeySpec spec) {
        checkUse(purpose, spec.algorithm());
        String kid = kidPrefix(purpose) + "-" + spec.algorithm().joseName().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID();
        ManagedKey key = ManagedKey.generated(kid, purpose, spec, newKeysBackend.id(), newKeysBackend.generate(kid, spec),
                clock.instant());
        store.insert(key);
        return key;
    }

    /**
     * Makes a NEXT key the one that signs, retiring the key it replaces.
     *
     * @throws IllegalStateException when the key is not NEXT or another writer changed it first
     */
    public ManagedKey activate(String kid) {
        ManagedKey next = require(kid);
        Instant now = clock.instant();
        ManagedKey active = next.activated(now);
        if (!store.update(next, active)) {
            throw new IllegalStateException("key " + kid + " changed meanwhile; nothing done");
        }
        for (ManagedKey other : store.all()) {
            if (!other.kid().equals(kid) && other.state() == KeyState.ACTIVE && other.purpose() == next.purpose()
                    && other.spec().algorithm() == next.spec().algorithm()) {
                store.update(other, other.retired(now));
            }
        }
        return active;
    }

    /** Stops a key from signing; it stays published for {@link RotationPolicy#retiredLifetime()}. */
    public ManagedKey retire(String kid) {
        ManagedKey key = require(kid);
        ManagedKey retired = key.retired(clock.instant());
        if (!store.update(key, retired)) {
            throw new IllegalStateException("key " + kid + " changed meanwhile; nothing done");
        }
        return retired;
    }

    /** Erases the private key and unpublishes it. Only RETIRED (or never used NEXT) keys can be destroyed. */
    public ManagedKey destroy(String kid) {
        ManagedKey key = require(kid);
        ManagedKey destroyed = key.destroyed(clock.instant());
        Optional.ofNullable(backends.get(key.backend())).ifPresent(b -> b.destroy(kid));
        store.update(key, destroyed);
        return destroyed;
    }

    /**
     * On-demand rotation: a new key published as NEXT now, activated by {@link #maintain} once
     * it has been published for the policy's lead time. With {@code immediately} (a suspected
     * compromise), the new key signs at once and relying parties with a cached JWKS refetch on the
     * unknown {@code kid}.
     */
    public ManagedKey rotate(KeyPurpose purpose, KeySpec spec, boolean immediately) {
        ManagedKey next = generate(purpose, spec);
        return immediately ? activate(next.kid()) : next;
    }

    /**
     * The scheduled step, for every wanted purpose and algorithm: a ring with no key gets one that
     * is active at once (nothing can have cached the JWKS yet); an active key nearing the end of
     * its life gets a NEXT successor; a NEXT key published for the lead time takes over when its
     * predecessor's time is up; retired keys past their lifetime are destroyed.
     *
     * @return what changed, for the audit log
     */
    public List<KeyChange> maintain(Map<KeyPurpose, List<KeySpec>> wanted, RotationPolicy policy) {
        List<KeyChange> changes = new ArrayList<>();
        Instant now = clock.instant();
        wanted.forEach((purpose, specs) -> {
            for (KeySpec spec : specs) {
                maintainOne(purpose, spec, policy, now, changes);
            }
        });
        for (ManagedKey key : store.all()) {
            if (key.state() == KeyState.RETIRED && !now.isBefore(key.retiredAt().plus(policy.retiredLifetime()))) {
                changes.add(new KeyChange(destroy(key.kid()), KeyState.RETIRED));
            }
        }
        return changes;
    }

    private void maintainOne(KeyPurpose purpose, KeySpec spec, RotationPolicy policy, Instant now,
                             List<KeyChange> changes) {
        KeyRing ring = snapshot();
        Optional<ManagedKey> active = ring.active(purpose, spec.algorithm());
        Optional<ManagedKey> next = ring.all().stream().filter(k -> k.purpose() == purpose
                && k.spec().algorithm() == spec.algorithm() && k.state() == KeyState.NEXT).findFirst();
        if (active.isEmpty() && next.isEmpty()) {
            ManagedKey generated = generate(purpose, spec);
            changes.add(new KeyChange(generated, null));
            changes.add(new KeyChange(activate(generated.kid()), KeyState.NEXT));
            return;
        }
        if (active.isEmpty()) {
            changes.add(new KeyChange(activate(next.get().kid()), KeyState.NEXT));
            return;
        }
        Instant endOfLife = active.get().activatedAt().plus(policy.activeLifetime());
        if (next.isEmpty() && !now.isBefore(endOfLife.minus(policy.publishLead()))) {
            changes.add(new KeyChange(generate(purpose, spec), null));
        } else if (next.isPresent() && !now.isBefore(endOfLife)
                && !now.isBefore(next.get().createdAt().plus(policy.publishLead()))) {
            changes.add(new KeyChange(activate(next.get().kid()), KeyState.NEXT));
        }
    }

    /**
     * Short purpose names keep every kid within 64 characters (at most 58: "saml-enc-rsa-oaep-256-"
     * and a UUID), the upper bound of an X.509 common name (RFC 5280 ub-common-name), because
     * PKCS#12 and PKCS#11 back ends name their certificate entries after the kid.
     */
    private static String kidPrefix(KeyPurpose purpose) {
        return switch (purpose) {
            case OIDC_SIGNING -> "oidc-sig";
            case SAML_SIGNING -> "saml-sig";
            case SAML_ENCRYPTION -> "saml-enc";
        };
    }

    private ManagedKey require(String kid) {
        return store.find(kid).orElseThrow(() -> new KeyStoreFailure("no key with kid " + kid));
    }

    private static void checkUse(KeyPurpose purpose, KeyAlgorithm algorithm) {
        boolean encryption = purpose == KeyPurpose.SAML_ENCRYPTION;
        if (encryption != (algorithm.use() == KeyAlgorithm.KeyUse.ENCRYPTION)) {
            throw new UnsupportedKeyException(algorithm.joseName() + " keys cannot serve " + purpose);
        }
    }

    /**
     * One change made by the life cycle.
     *
     * @param from the state before, null for a newly generated key
     */
    public record KeyChange(ManagedKey key, KeyState from) {
    }
}
