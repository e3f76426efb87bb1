package id.satupintu.idp.saml.sso;

import java.util.Objects;

/**
 * A request refused before its service provider and assertion consumer service are trusted: there
 * is nowhere safe to send a SAML answer, so the citizen sees an error page and nothing is
 * redirected (SAML Profiles §4.1.4.1: the IdP must not send a response to an endpoint it cannot
 * verify against metadata).
 *
 * @param auditType the audit event type, {@code saml.sso.*}
 * @param reason short, safe reason for the audit record (no message content)
 * @param status HTTP status of the error page (400, or 404 for an unknown target)
 * @param messageKey the citizen-facing explanation ({@code saml.error.*} in messages.properties)
 * @param spEntityId the SP's entity ID when known, else null
 */
public final class SsoRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String auditType;
    private final String reason;
    private final int status;
    private final String messageKey;
    private final String spEntityId;

    public SsoRefusal(String auditType, String reason, int status, String messageKey, String spEntityId) {
        super(auditType + ": " + reason);
        this.auditType = Objects.requireNonNull(auditType);
        this.reason = Objects.requireNonNull(reason);
        this.status = status;
        this.messageKey = Objects.requireNonNull(messageKey);
        this.spEntityId = spEntityId;
    }

    /** A malformed or untrustworthy request: 400 with the generic "request refused" text. */
    public static SsoRefusal badRequest(String auditType, String reason, String spEntityId) {
        return new SsoRefusal(auditType, reason, 400, "saml.error.request", spEntityId);
    }

    public String auditType() {
        return auditType;
    }

    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public String spEntityId() {
        return spEntityId;
    }
}
