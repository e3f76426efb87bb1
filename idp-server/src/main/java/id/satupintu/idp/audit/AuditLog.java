package id.satupintu.idp.audit;

import java.util.List;

/** Append-only record of security events. Every rejected security check writes one. */
public interface AuditLog {

    void record(AuditEvent event);

    /** @return the most recent events of a type, newest first (operators' view and tests) */
    List<AuditEvent> recent(String type, int limit);
}
