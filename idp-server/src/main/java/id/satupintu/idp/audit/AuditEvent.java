package id.satupintu.idp.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One security-relevant fact: a sign-in, a token issued or refused, a rejected check.
 * Never holds secrets, tokens, passwords or full NIKs; {@code detail} carries short, safe values
 * (an OAuth error code, a masked NIK, a reason).
 *
 * @param type what happened, dotted lower case, e.g. {@code login.failed}, {@code token.refresh_reuse}
 * @param outcome {@code success} or {@code failure}
 * @param clientId relying-party client id, when one is involved
 * @param citizenId account id, when known
 * @param sourceIp the caller's address, when known
 */
public record AuditEvent(Instant at, String type, String outcome, String clientId, UUID citizenId,
                         String sourceIp, Map<String, String> detail) {

    public AuditEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static AuditEvent failure(String type, String clientId, UUID citizenId, String sourceIp,
                                     Map<String, String> detail) {
        return new AuditEvent(Instant.now(), type, "failure", clientId, citizenId, sourceIp, detail);
    }

    public static AuditEvent success(String type, String clientId, UUID citizenId, String sourceIp,
                                     Map<String, String> detail) {
        return new AuditEvent(Instant.now(), type, "success", clientId, citizenId, sourceIp, detail);
    }
}
