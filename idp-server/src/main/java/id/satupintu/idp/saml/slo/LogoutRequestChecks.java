package id.satupintu.idp.saml.slo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.joda.time.DateTime;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;

import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.saml.binding.InboundMessage;
import id.satupintu.idp.saml.binding.RedirectSignedQuery;
import id.satupintu.idp.saml.sp.ServiceProvider;
import id.satupintu.idp.saml.xml.Decrypter;
import id.satupintu.idp.saml.xml.DecryptionFailedException;
import id.satupintu.idp.saml.xml.SignatureRejectedException;
import id.satupintu.idp.saml.xml.XmlSignatureVerifier;

/**
 * The checks on a service provider's LogoutRequest before anything is ended (SAML Profiles §4.4.4.1,
 * Core §3.7.1), each one refusing with its own {@link SloRefusal}:
 * <ol>
 * <li>signed by one of the SP's metadata signing certificates: the HTTP-Redirect query signature
 *     (Bindings §3.4.4.1) or an enveloped signature (§3.5.4); an unsigned request is refused, since it
 *     would let any page sign the citizen out;</li>
 * <li>{@code Destination} is this IdP's SLO URL (Bindings §3.4.5.2, §3.5.5.2);</li>
 * <li>{@code IssueInstant} within {@link #SKEW} of now and not older than {@link #MAX_AGE};</li>
 * <li>{@code NotOnOrAfter}, when present, not passed (Core §3.7.1);</li>
 * <li>the ID not seen before (replay), remembered across nodes until the request could no longer pass;</li>
 * <li>a NameID, in clear or as an {@code EncryptedID} decrypted with the IdP's keys.</li>
 * </ol>
 * Whether the NameID and SessionIndex name this browser's session is {@link ParticipantMatch}'s job.
 */
final class LogoutRequestChecks {

    static final Duration SKEW = Duration.ofMinutes(3);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final XmlSignatureVerifier verifier;
    private final Decrypter decrypter;
    private final ReplayCache replays;
    private final String sloUrl;
    private final Clock clock;

    LogoutRequestChecks(XmlSignatureVerifier verifier, Decrypter decrypter, ReplayCache replays, String sloUrl,
                        Clock clock) {
        this.verifier = verifier;
        this.decrypter = decrypter;
        this.replays = replays;
        this.sloUrl = sloUrl;
        this.clock = clock;
    }

    /**
     * @return the NameID the request names
     * @throws SloRefusal at the first failed check
     */
    NameID check(InboundMessage inbound, LogoutRequest request, ServiceProvider sp) {
        signature(inbound, request, sp);
        if (!sloUrl.equals(request.getDestination())) {
            throw SloRefusal.denied("wrong_destination", "Destination is not this IdP's SLO URL");
        }
        Instant now = clock.instant();
        Instant issued = instant(request.getIssueInstant());
        if (issued == null || issued.isAfter(now.plus(SKEW)) || issued.isBefore(now.minus(MAX_AGE).minus(SKEW))) {
            throw SloRefusal.denied("stale", "IssueInstant outside the allowed window");
        }
        Instant notOnOrAfter = instant(request.getNotOnOrAfter());
        if (notOnOrAfter != null && !now.minus(SKEW).isBefore(notOnOrAfter)) {
            throw SloRefusal.denied("expired", "NotOnOrAfter has passed");
        }
        if (request.getID() == null
                || !replays.firstUse("saml-slo:" + sp.entityId() + ":" + request.getID(), issued.plus(MAX_AGE).plus(SKEW.multipliedBy(2)))) {
            throw SloRefusal.denied("replayed", "LogoutRequest ID seen before");
        }
        return nameId(request);
    }

    private void signature(InboundMessage inbound, LogoutRequest request, ServiceProvider sp) {
        if (sp.signingCertificates().isEmpty()) {
            throw SloRefusal.denied("unsigned", "the SP's metadata has no signing certificate");
        }
        try {
            RedirectSignedQuery query = inbound.redirectSignature();
            if (query != null) {
                verifier.verifyRedirect(query.signedOctets(), query.sigAlg(), query.signature(), sp.signingCertificates());
            } else if (request.isSigned()) {
                verifier.verifyEnveloped(request, sp.signingCertificates());
            } else {
                throw SloRefusal.denied("unsigned", "LogoutRequest is not signed");
            }
        } catch (SignatureRejectedException e) {
            throw SloRefusal.denied("bad_signature", e.getMessage());
        }
    }

    private NameID nameId(LogoutRequest request) {
        if (request.getNameID() != null) {
            return request.getNameID();
        }
        if (request.getEncryptedID() != null) {
            try {
                return decrypter.decrypt(request.getEncryptedID());
            } catch (DecryptionFailedException e) {
                throw SloRefusal.unknownPrincipal("EncryptedID cannot be decrypted");
            }
        }
        throw SloRefusal.unknownPrincipal("no NameID");
    }

    private static Instant instant(DateTime time) {
        return time == null ? null : Instant.ofEpochMilli(time.getMillis());
    }
}
