package id.satupintu.idp.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRing;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;
import id.satupintu.keys.PrivateKeyHandle;
import id.satupintu.keys.jca.JwsSigners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * This node's view of the key ring: a {@link KeyRingSnapshot} swapped whenever the store's
 * revision changes, so signing and the JWKS endpoint never touch the database. The revision is
 * polled (one cheap read) every few seconds, and {@link #refresh()} is called at once when a Redis
 * notification says another node changed the ring. Private keys of ACTIVE keys are read (and, in
 * the database back end, decrypted) once per change, never per token.
 */
public class KeyRingCache implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingCache.class);

    private final KeyManager manager;
    private final JwsSigners signers;
    private final Duration pollInterval;
    private final Consumer<String> forgetPrivateKey;
    private volatile KeyRingSnapshot current;
    private ScheduledExecutorService poller;

    public KeyRingCache(KeyManager manager, JwsSigners signers, Duration pollInterval) {
        this(manager, signers, pollInterval, kid -> { });
    }

    /**
     * @param forgetPrivateKey drops a back end's in-memory copy of a private key that no longer signs
     *        (RETIRED or DESTROYED, possibly by another node), so key material does not linger in this JVM
     */
    public KeyRingCache(KeyManager manager, JwsSigners signers, Duration pollInterval, Consumer<String> forgetPrivateKey) {
        this.manager = manager;
        this.signers = signers;
        this.pollInterval = pollInterval;
        this.forgetPrivateKey = forgetPrivateKey;
        this.current = load(manager.snapshot());
    }

    /** @return the ring as this node last loaded it; no I/O */
    public KeyRingSnapshot current() {
        return current;
    }

    /** Reloads when the store's revision differs from the one loaded. @return whether it reloaded */
    public synchronized boolean refresh() {
        KeyRing ring = manager.snapshot();
        if (ring.revision() == current.ring().revision()) {
            return false;
        }
        current = load(ring);
        LOG.info("key ring revision {} loaded: {} keys published", ring.revision(), current.published().size());
        return true;
    }

    private KeyRingSnapshot load(KeyRing ring) {
        Map<String, PrivateKeyHandle> privateKeys = new HashMap<>();
        Map<KeyAlgorithm, ActiveSigner> activeSigners = new HashMap<>();
        List<SamlCredentials.Credential> samlKeys = new ArrayList<>();
        for (ManagedKey key : ring.all()) {
            if (isSamlKeyInUse(ring, key)) {
                try {
                    samlKeys.add(new SamlCredentials.Credential(key, key.certificateChain().get(0), manager.privateKey(key)));
                } catch (RuntimeException e) {
                    LOG.error("SAML key {} cannot be used on this node: {}", key.kid(), e.getMessage());
                }
                continue;
            }
            if (key.state() == KeyState.RETIRED || key.state() == KeyState.DESTROYED) {
                forgetPrivateKey.accept(key.kid());
            }
            if (key.state() == KeyState.ACTIVE && key.purpose() == KeyPurpose.OIDC_SIGNING) {
                try {
                    PrivateKeyHandle handle = manager.privateKey(key);
                    privateKeys.put(key.kid(), handle);
                    ring.active(KeyPurpose.OIDC_SIGNING, key.spec().algorithm())
                            .filter(newest -> newest.kid().equals(key.kid()))
                            .ifPresent(newest -> activeSigners.put(newest.spec().algorithm(),
                                    new ActiveSigner(newest, signers.signerFor(newest, handle))));
                } catch (RuntimeException e) {
                    // never the key material: only which key and why it could not be read
                    LOG.error("active key {} cannot sign on this node: {}", key.kid(), e.getMessage());
                }
            }
        }
        return new KeyRingSnapshot(ring, privateKeys, activeSigners, samlKeys);
    }

    /**
     * The ACTIVE SAML signing key (the newest, if transiently two), and ACTIVE or RETIRED SAML
     * encryption keys (service providers may still encrypt to a retired certificate they cached);
     * only once the key has its certificate.
     */
    private static boolean isSamlKeyInUse(KeyRing ring, ManagedKey key) {
        if (key.certificateChain().isEmpty()) {
            return false;
        }
        if (key.purpose() == KeyPurpose.SAML_SIGNING) {
            return ring.active(KeyPurpose.SAML_SIGNING, key.spec().algorithm())
                    .filter(newest -> newest.kid().equals(key.kid())).isPresent();
        }
        return key.purpose() == KeyPurpose.SAML_ENCRYPTION
                && (key.state() == KeyState.ACTIVE || key.state() == KeyState.RETIRED);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // a database outage must not end polling; this node keeps signing with the keys it has
            LOG.warn("checking the key ring for changes failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "key-ring-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
