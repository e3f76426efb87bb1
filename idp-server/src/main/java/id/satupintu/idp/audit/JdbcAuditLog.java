package id.satupintu.idp.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes audit events to the {@code audit_event} table and to the {@code satupintu.audit} log.
 * Detail is stored as {@code key=value} pairs separated by {@code ;} (values are short and safe).
 */
@Component
public class JdbcAuditLog implements AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("satupintu.audit");

    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AuditEvent event) {
        String detail = event.detail().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace(';', ','))
                .collect(Collectors.joining(";"));
        AUDIT.info("{} {} client={} citizen={} ip={} {}", event.type(), event.outcome(), event.clientId(),
                event.citizenId(), event.sourceIp(), detail);
        jdbc.update("insert into audit_event (id, occurred_at, event_type, outcome, client_id, citizen_id, source_ip, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), Timestamp.from(event.at()), event.type(), event.outcome(), event.clientId(),
                event.citizenId(), event.sourceIp(), truncate(detail, 1000));
    }

    @Override
    public List<AuditEvent> recent(String type, int limit) {
        return jdbc.query("select occurred_at, event_type, outcome, client_id, citizen_id, source_ip, detail"
                        + " from audit_event where event_type = ? order by occurred_at desc limit ?",
                (rs, i) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), parse(rs.getString(7))),
                type, limit);
    }

    private static Map<String, String> parse(String detail) {
        if (detail == null || detail.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(detail.split(";"))
                .map(kv -> kv.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : "", (a, b) -> b));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
