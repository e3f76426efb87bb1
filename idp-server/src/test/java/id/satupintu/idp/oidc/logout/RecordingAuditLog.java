package id.satupintu.idp.oidc.logout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import id.satupintu.idp.audit.AuditEvent;
import id.satupintu.idp.audit.AuditLog;

/** An audit log in memory, for tests without a database. */
final class RecordingAuditLog implements AuditLog {

    private final List<AuditEvent> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public List<AuditEvent> recent(String type, int limit) {
        synchronized (events) {
            List<AuditEvent> matching = new ArrayList<>(events.stream().filter(e -> e.type().equals(type)).toList());
            Collections.reverse(matching);
            return matching.subList(0, Math.min(limit, matching.size()));
        }
    }
}
