package id.satupintu.sdk.internal.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.LogoutNotice;
import id.satupintu.sdk.ReplayCache;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.jwks.JwksCache;
import id.satupintu.sdk.internal.jwt.ClaimChecks;
import id.satupintu.sdk.internal.jwt.SignedTokens;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Logout token validation, OpenID Connect Back-Channel Logout 1.0 §2.6. The {@code jti} is recorded
 * last, so a token refused for another reason does not use up its identifier.
 */
public final class LogoutTokenValidator {

    public static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be: the provider sends it at once, retries within minutes. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final String WHAT = "logout token";
    // §2.4 recommends typ logout+jwt; tokens without typ or with plain JWT stay acceptable (§2.6 step 2 note)
    private static final Set<String> TYPES = Set.of("logout+jwt", "application/logout+jwt", "jwt");

    private final String issuer;
    private final String clientId;
    private final Duration skew;
    private final Clock clock;
    private final JwksCache keys;
    private final ReplayCache replayCache;

    public LogoutTokenValidator(String issuer, String clientId, Duration skew, Clock clock, JwksCache keys,
            ReplayCache replayCache) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.skew = skew;
        this.clock = clock;
        this.keys = keys;
        this.replayCache = replayCache;
    }

    public LogoutNotice validate(String logoutToken) {
        SignedTokens.Verified verified =
                SignedTokens.verify(logoutToken, SignedTokens.ASYMMETRIC, keys, WHAT, Failure.LOGOUT_TOKEN_INVALID);
        Instant now = clock.instant();
        ClaimChecks checks = new ClaimChecks(WHAT, Failure.LOGOUT_TOKEN_INVALID, skew, now);
        JOSEObjectType type = verified.header().getType();
        if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw checks.refused("has typ " + SignedTokens.printable(type.getType()) + ", not logout+jwt");
        }
        JWTClaimsSet claims = verified.claims();
        checks.issuer(claims, issuer);
        checks.audienceContains(claims, clientId);
        Instant issuedAt = checks.issuedInThePast(claims);
        if (issuedAt.isBefore(now.minus(MAX_AGE).minus(skew))) {
            throw checks.refused("issued more than " + MAX_AGE.toMinutes() + " minutes ago");
        }
        checks.notExpiredWhenPresent(claims);
        if (!hasBackchannelEvent(claims)) {
            throw checks.refused("events has no " + BACKCHANNEL_EVENT + " member");
        }
        String subject = checks.optionalString(claims, "sub");
        String sid = checks.optionalString(claims, "sid");
        if (subject == null && sid == null) {
            throw checks.refused("has neither sub nor sid");
        }
        if (claims.getClaim("nonce") != null) {
            throw checks.refused("has a nonce, which logout tokens must not (it could be an ID token)");
        }
        String jti = checks.requiredString(claims, "jti");
        // remembered as long as the token could still be accepted
        Instant acceptableUntil = issuedAt.plus(MAX_AGE).plus(skew);
        if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().plus(skew).isBefore(acceptableUntil)) {
            acceptableUntil = claims.getExpirationTime().toInstant().plus(skew);
        }
        if (!replayCache.firstUse(jti, acceptableUntil)) {
            throw new SatuPintuException(Failure.LOGOUT_TOKEN_REPLAYED, WHAT + " jti was seen before");
        }
        return new LogoutNotice(subject, sid);
    }

    private static boolean hasBackchannelEvent(JWTClaimsSet claims) {
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            return events != null && events.get(BACKCHANNEL_EVENT) instanceof Map;
        } catch (ParseException e) {
            return false;
        }
    }
}
