package id.satupintu.idp.saml.sso;

import java.time.Duration;
import java.time.Instant;

import org.opensaml.saml.saml2.core.AuthnRequest;

import id.satupintu.idp.oidc.replay.ReplayCache;

/**
 * An AuthnRequest ID is accepted once, on every node ({@link ReplayCache}, Redis in production).
 * It is remembered until its issue instant plus the clock skew plus the assertion lifetime: after
 * that {@link IssueInstantCheck} refuses the request anyway. IDs are kept per SP, so one SP cannot
 * use up another's. SAML Core §1.3.4 requires IDs unique; SAML Profiles §4.1.4.5 asks the IdP to
 * detect replays.
 */
final class RequestReplayCheck {

    static final String REPLAY = "saml.sso.replay";
    private static final int MAX_ID_LENGTH = 256;

    private final ReplayCache replays;
    private final Duration retention;

    RequestReplayCheck(ReplayCache replays, Duration clockSkew, Duration assertionLifetime) {
        this.replays = replays;
        this.retention = clockSkew.plus(assertionLifetime);
    }

    void check(AuthnRequest request, Instant issueInstant, String spEntityId) {
        String id = request.getID();
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw SsoRefusal.badRequest(REPLAY, "missing_or_oversized_id", spEntityId);
        }
        if (!replays.firstUse("saml:authn:" + spEntityId + "\u0000" + id, issueInstant.plus(retention))) {
            throw SsoRefusal.badRequest(REPLAY, "id_seen_before", spEntityId);
        }
    }
}
