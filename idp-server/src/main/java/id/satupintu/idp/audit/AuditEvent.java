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

    /** Longest caller-supplied value kept; the rest is cut. */
    static final int MAX_VALUE_LENGTH = 100;

    /**
     * Values from requests (client ids, error descriptions, parameter names) are caller-controlled:
     * kept to printable ASCII and a bounded length here, once, so no caller can forge log lines or
     * fill the audit table.
     */
    public AuditEvent {
        clientId = printable(clientId);
        sourceIp = printable(sourceIp);
        Map<String, String> cleaned = new java.util.LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((key, value) -> cleaned.put(printable(key), printable(value == null ? "" : value)));
        }
        detail = java.util.Collections.unmodifiableMap(cleaned);
    }

    static String printable(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[^\\x20-\\x7e]", "_");
        return cleaned.length() > MAX_VALUE_LENGTH ? cleaned.substring(0, MAX_VALUE_LENGTH) : cleaned;
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
