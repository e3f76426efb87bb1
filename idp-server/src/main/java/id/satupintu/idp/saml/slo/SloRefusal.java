package id.satupintu.idp.saml.slo;

import org.opensaml.saml.saml2.core.StatusCode;

/**
 * A LogoutRequest refused by one check: what to audit ({@code saml.slo.<check>}) and the second-level
 * status the requesting SP gets (SAML Core §3.2.2.2) under the top-level {@code Requester}.
 */
final class SloRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String check;
    private final String secondLevelStatus;

    private SloRefusal(String check, String reason, String secondLevelStatus) {
        super(reason, null, false, false);
        this.check = check;
        this.secondLevelStatus = secondLevelStatus;
    }

    /** A request that is not acceptable as sent: signature, destination, time, replay. */
    static SloRefusal denied(String check, String reason) {
        return new SloRefusal(check, reason, StatusCode.REQUEST_DENIED);
    }

    /** A request naming a principal or session this browser's session does not hold (SAML Core §3.7.3.2). */
    static SloRefusal unknownPrincipal(String reason) {
        return new SloRefusal("unknown_principal", reason, StatusCode.UNKNOWN_PRINCIPAL);
    }

    /** @return the audit event type */
    String auditType() {
        return "saml.slo." + check;
    }

    String reason() {
        return getMessage();
    }

    String secondLevelStatus() {
        return secondLevelStatus;
    }
}
