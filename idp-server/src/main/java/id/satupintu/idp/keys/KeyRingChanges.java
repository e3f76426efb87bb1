package id.satupintu.idp.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyRing;
import id.satupintu.keys.KeyState;
import id.satupintu.keys.ManagedKey;

/**
 * Every change to the key ring goes through here, whoever makes it (the schedule, an
 * administrator): the change is made, each key whose state moved is audited
 * ({@code keys.generated}, {@code keys.activated}, {@code keys.retired}, {@code keys.destroyed},
 * and {@code keys.certificate_issued} when a key gets a new certificate),
 * this node reloads its snapshot, and the other nodes are notified.
 */
public class KeyRingChanges {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyRingChanges.class);

    private final KeyManager manager;
    private final KeyRingCache cache;
    private final KeyChangeNotifier notifier;
    private final AuditLog audit;
    private final SamlCertificateIssuer certificates;

    public KeyRingChanges(KeyManager manager, KeyRingCache cache, KeyChangeNotifier notifier, AuditLog audit) {
        this(manager, cache, notifier, audit, null);
    }

    /**
     * @param certificates gives SAML keys a change created their self-signed certificate within the
     *        same change, before this node reloads and the others are notified; null for none
     */
    public KeyRingChanges(KeyManager manager, KeyRingCache cache, KeyChangeNotifier notifier, AuditLog audit,
                          SamlCertificateIssuer certificates) {
        this.certificates = certificates;
        this.manager = manager;
        this.cache = cache;
        this.notifier = notifier;
        this.audit = audit;
    }

    /**
     * @param actor who asks: {@code scheduler} or the administrator's client id
     * @param sourceIp the administrator's address, null for the schedule
     */
    public <T> T apply(String actor, String sourceIp, Supplier<T> change) {
        KeyRing before = manager.snapshot();
        try {
            T result = change.get();
            if (certificates != null) {
                try {
                    certificates.issueMissing();
                } catch (RuntimeException e) {
                    // the change itself is made; the next maintenance round tries the certificate again
                    LOG.error("issuing a SAML certificate failed: {}", e.toString());
                }
            }
            return result;
        } finally {
            KeyRing after = manager.snapshot();
            int changed = auditDifferences(before, after, actor, sourceIp);
            if (changed > 0) {
                cache.refresh();
                notifier.ringChanged(after.revision());
            }
        }
    }

    private int auditDifferences(KeyRing before, KeyRing after, String actor, String sourceIp) {
        int changed = 0;
        for (ManagedKey key : after.all()) {
            KeyState previous = before.find(key.kid()).map(ManagedKey::state).orElse(null);
            if (previous == null) {
                record("keys.generated", key, null, actor, sourceIp);
                changed++;
            }
            if (previous != key.state() && key.state() != KeyState.NEXT) {
                record(eventType(key.state()), key, previous == null ? KeyState.NEXT : previous, actor, sourceIp);
                changed++;
            }
            List<X509Certificate> previousChain = before.find(key.kid()).map(ManagedKey::certificateChain).orElse(List.of());
            if (!key.certificateChain().isEmpty() && !key.certificateChain().equals(previousChain)) {
                Map<String, String> detail = detail(key, null);
                detail.remove("from");
                X509Certificate leaf = key.certificateChain().get(0);
                detail.put("subject", leaf.getSubjectX500Principal().getName());
                detail.put("serial", leaf.getSerialNumber().toString(16));
                detail.put("not_after", leaf.getNotAfter().toInstant().toString());
                audit.record(new AuditEvent(Instant.now(), "keys.certificate_issued", "success", actor, null, sourceIp,
                        detail));
                changed++;
            }
        }
        return changed;
    }

    private void record(String type, ManagedKey key, KeyState previous, String actor, String sourceIp) {
        audit.record(new AuditEvent(Instant.now(), type, "success", actor, null, sourceIp, detail(key, previous)));
    }

    private static String eventType(KeyState now) {
        return switch (now) {
            case NEXT -> "keys.generated";
            case ACTIVE -> "keys.activated";
            case RETIRED -> "keys.retired";
            case DESTROYED -> "keys.destroyed";
        };
    }

    private static Map<String, String> detail(ManagedKey key, KeyState previous) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("kid", key.kid());
        detail.put("purpose", key.purpose().name());
        detail.put("alg", key.spec().algorithm().joseName());
        detail.put("from", previous == null ? "none" : previous.name());
        detail.put("backend", key.backend());
        return detail;
    }
}
