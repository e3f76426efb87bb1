package id.satupintu.idp.saml.sso;

import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.RedirectSignedQuery;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;

/**
 * An AuthnRequest's signature, checked against the signing certificates of the SP's metadata:
 * required when {@link ServiceProvider#requiresSignedRequests()} (the metadata's
 * {@code AuthnRequestsSigned}, SAML Metadata §2.4.4, or an administrator's setting), and verified
 * whenever one is present, so a bad signature is never ignored. HTTP-Redirect carries it in the
 * query (SAML Bindings §3.4.4.1), HTTP-POST enveloped in the message (§3.5.4; the verifier checks
 * that it covers the very element processed, against signature wrapping).
 */
final class RequestSignatureCheck {

    static final String UNSIGNED = "saml.sso.unsigned_request";
    static final String REJECTED = "saml.sso.signature_rejected";

    private final XmlSignatureVerifier verifier;

    RequestSignatureCheck(XmlSignatureVerifier verifier) {
        this.verifier = verifier;
    }

    /** @return whether the request was signed (and the signature verified) */
    boolean check(InboundMessage inbound, ServiceProvider sp) {
        RedirectSignedQuery query = inbound.redirectSignature();
        boolean enveloped = inbound.message().isSigned();
        if (query == null && !enveloped) {
            if (sp.requiresSignedRequests()) {
                throw SsoRefusal.badRequest(UNSIGNED, "signature_required", sp.entityId());
            }
            return false;
        }
        try {
            if (query != null) {
                verifier.verifyRedirect(query.signedOctets(), query.sigAlg(), query.signature(), sp.signingCertificates());
            }
            if (enveloped) {
                verifier.verifyEnveloped(inbound.message(), sp.signingCertificates());
            }
        } catch (SignatureRejectedException e) {
            throw SsoRefusal.badRequest(REJECTED, e.reason(), sp.entityId());
        }
        return true;
    }
}
