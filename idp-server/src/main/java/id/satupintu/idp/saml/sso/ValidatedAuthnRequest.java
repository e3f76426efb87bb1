package id.satupintu.idp.saml.sso;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An AuthnRequest (SAML Core §3.4.1) that passed every check that decides where an answer may go:
 * its issuer is a registered SP, its signature (when required or present), version, issue instant,
 * destination and ID were accepted, and its assertion consumer service comes from the SP's metadata.
 * What it asks for beyond that (NameID policy, authentication context, passive or forced sign-in)
 * is kept as received and decided later, with an answer to the trusted ACS.
 *
 * <p>No OpenSAML type, so it can wait in the SSO session while the citizen signs in or consents.
 * An IdP-initiated request ({@link #unsolicited}) has no request ID.
 *
 * @param spId the registered SP's internal id
 * @param spEntityId the SP's entity ID
 * @param requestId the AuthnRequest's ID, the response's {@code InResponseTo}; null when unsolicited
 * @param assertionConsumerService the ACS URL from the SP's metadata (HTTP-POST)
 * @param relayState returned verbatim, at most 80 bytes; null when absent
 * @param nameIdPolicyFormat {@code NameIDPolicy/@Format} as received, or null
 * @param nameIdPolicySpNameQualifier {@code NameIDPolicy/@SPNameQualifier} as received, or null
 * @param authnContextComparison {@code RequestedAuthnContext/@Comparison} (default {@code exact}), or null
 * @param authnContextClassRefs the requested {@code AuthnContextClassRef}s; empty when none
 * @param forceAuthn the request's {@code ForceAuthn}
 * @param passive the request's {@code IsPassive}
 * @param reauthenticationRequestedAt when this request sent the citizen to sign in again
 *        ({@code ForceAuthn}); a sign-in at or after it satisfies it; null when not (yet) asked
 */
public record ValidatedAuthnRequest(UUID spId, String spEntityId, String requestId, String assertionConsumerService,
                                    String relayState, String nameIdPolicyFormat, String nameIdPolicySpNameQualifier,
                                    String authnContextComparison, List<String> authnContextClassRefs,
                                    boolean forceAuthn, boolean passive, Instant reauthenticationRequestedAt)
        implements Serializable {

    public ValidatedAuthnRequest {
        Objects.requireNonNull(spId, "spId");
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(assertionConsumerService, "assertionConsumerService");
        authnContextClassRefs = List.copyOf(authnContextClassRefs);
    }

    /** An IdP-initiated ("unsolicited") request for the SP's default ACS (SAML Profiles §4.1.5). */
    public static ValidatedAuthnRequest unsolicited(UUID spId, String spEntityId, String assertionConsumerService,
                                                    String relayState) {
        return new ValidatedAuthnRequest(spId, spEntityId, null, assertionConsumerService, relayState, null, null,
                null, List.of(), false, false, null);
    }

    /** @return this request, remembering that it sent the citizen to sign in again at {@code at} */
    public ValidatedAuthnRequest reauthenticationRequested(Instant at) {
        return new ValidatedAuthnRequest(spId, spEntityId, requestId, assertionConsumerService, relayState,
                nameIdPolicyFormat, nameIdPolicySpNameQualifier, authnContextComparison, authnContextClassRefs,
                forceAuthn, passive, at);
    }
}
