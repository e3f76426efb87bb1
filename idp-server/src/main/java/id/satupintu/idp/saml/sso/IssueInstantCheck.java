package id.satupintu.idp.saml.sso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * SAML Core §3.2.1 {@code IssueInstant}: accepted only within the configured clock skew of this
 * server's clock, either way ({@link SamlSsoProperties#clockSkew()}). An old request is a replay
 * the replay cache no longer remembers; one from the future is a wrong clock or a forgery.
 */
final class IssueInstantCheck {

    static final String ISSUE_INSTANT = "saml.sso.issue_instant";

    private final Clock clock;
    private final Duration skew;

    IssueInstantCheck(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    /** @return the accepted issue instant */
    Instant check(AuthnRequest request, String spEntityId) {
        if (request.getIssueInstant() == null) {
            throw SsoRefusal.badRequest(ISSUE_INSTANT, "missing", spEntityId);
        }
        Instant issued = Instant.ofEpochMilli(request.getIssueInstant().getMillis());
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(skew))) {
            throw SsoRefusal.badRequest(ISSUE_INSTANT, "expired", spEntityId);
        }
        if (issued.isAfter(now.plus(skew))) {
            throw SsoRefusal.badRequest(ISSUE_INSTANT, "in_future", spEntityId);
        }
        return issued;
    }
}
