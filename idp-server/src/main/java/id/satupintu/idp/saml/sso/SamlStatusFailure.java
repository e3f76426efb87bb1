package id.satupintu.idp.saml.sso;

import java.util.Objects;

/**
 * A protocol failure answered to the service provider's trusted assertion consumer service as a
 * SAML Response without assertion (SAML Core §3.2.2.2): a top-level status code and a second-level
 * one that says what went wrong.
 *
 * @param topLevel {@code Requester} (the request asked for something this IdP will not do) or
 *        {@code Responder} (this IdP, or the citizen, could not satisfy it)
 * @param secondLevel e.g. {@code InvalidNameIDPolicy}, {@code NoAuthnContext}, {@code NoPassive}, {@code RequestDenied}
 * @param auditType the audit event type, {@code saml.sso.*}
 */
public record SamlStatusFailure(String topLevel, String secondLevel, String auditType, String reason) {

    public static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    public static final String RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    public static final String INVALID_NAME_ID_POLICY = "urn:oasis:names:tc:SAML:2.0:status:InvalidNameIDPolicy";
    public static final String NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    public static final String NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
    public static final String REQUEST_DENIED = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";

    public SamlStatusFailure {
        Objects.requireNonNull(topLevel, "topLevel");
        Objects.requireNonNull(secondLevel, "secondLevel");
        Objects.requireNonNull(auditType, "auditType");
        Objects.requireNonNull(reason, "reason");
    }

    public static SamlStatusFailure invalidNameIdPolicy(String reason) {
        return new SamlStatusFailure(REQUESTER, INVALID_NAME_ID_POLICY, "saml.sso.invalid_nameid_policy", reason);
    }

    public static SamlStatusFailure noAuthnContext(String reason) {
        return new SamlStatusFailure(RESPONDER, NO_AUTHN_CONTEXT, "saml.sso.no_authn_context", reason);
    }

    public static SamlStatusFailure noPassive(String reason) {
        return new SamlStatusFailure(RESPONDER, NO_PASSIVE, "saml.sso.no_passive", reason);
    }

    public static SamlStatusFailure requestDenied(String auditType, String reason) {
        return new SamlStatusFailure(RESPONDER, REQUEST_DENIED, auditType, reason);
    }

    /** Thrown form, for checks deep in a call chain. */
    public static final class Raised extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SamlStatusFailure failure;

        public Raised(SamlStatusFailure failure) {
            super(failure.auditType() + ": " + failure.reason());
            this.failure = failure;
        }

        public SamlStatusFailure failure() {
            return failure;
        }
    }
}
