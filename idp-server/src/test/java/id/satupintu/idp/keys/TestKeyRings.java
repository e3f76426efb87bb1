package id.satupintu.idp.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;
import id.satupintu.keys.KeyAlgorithm;
import id.satupintu.keys.KeyManager;
import id.satupintu.keys.KeyPurpose;
import id.satupintu.keys.KeyRingStore;
import id.satupintu.keys.KeySpec;
import id.satupintu.keys.MemoryKeyRingStore;
import id.satupintu.keys.RotationPolicy;

/** A key ring on one node, in memory, with a clock the test moves: the pieces the server wires together. */
final class TestKeyRings {

    static final RotationPolicy POLICY = new RotationPolicy(Duration.ofDays(90), Duration.ofHours(1), Duration.ofHours(9));
    static final Map<KeyPurpose, List<KeySpec>> WANTED = Map.of(KeyPurpose.OIDC_SIGNING,
            List.of(KeySpec.of(KeyAlgorithm.RS256), KeySpec.of(KeyAlgorithm.ES256)));

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final KeyRingStore store;
    final MemoryKeyBackend backend = new MemoryKeyBackend();
    final KeyManager manager;
    final KeyRingCache cache;
    final RecordingAuditLog audit = new RecordingAuditLog();
    final KeyRingChanges changes;
    final ScheduledKeyMaintenance maintenance;

    TestKeyRings() {
        this(new MemoryKeyRingStore());
    }

    TestKeyRings(KeyRingStore store) {
        this.store = store;
        this.manager = new KeyManager(store, Map.of(backend.id(), backend), backend, clock);
        this.cache = new KeyRingCache(manager, id.satupintu.keys.jca.JwsSigners.onFastestProviders(), Duration.ofSeconds(5));
        this.changes = new KeyRingChanges(manager, cache, KeyChangeNotifier.SINGLE_NODE, audit);
        this.maintenance = new ScheduledKeyMaintenance(manager, changes, new LocalMaintenanceLock(), WANTED, POLICY,
                Duration.ofMinutes(1));
    }

    /** Audit events in memory. */
    static final class RecordingAuditLog implements AuditLog {

        final List<AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void record(AuditEvent event) {
            events.add(event);
        }

        @Override
        public List<AuditEvent> recent(String type, int limit) {
            List<AuditEvent> newestFirst = new java.util.ArrayList<>(events);
            java.util.Collections.reverse(newestFirst);
            return newestFirst.stream().filter(e -> e.type().equals(type)).limit(limit).toList();
        }

        List<String> types() {
            return events.stream().map(AuditEvent::type).toList();
        }
    }
}
