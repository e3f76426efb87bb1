package id.satupintu.conformance.harness.logout;

import java.text.ParseException;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import id.satupintu.conformance.harness.Discovery;
import id.satupintu.conformance.harness.IdTokens;
import id.satupintu.conformance.harness.Jwks;
import id.satupintu.conformance.harness.TestClient;

/**
 * What a relying party checks on a logout token it received (OIDC Back-Channel Logout 1.0 §2.4 and
 * §2.6): signed by a key of the provider's JWKS, typed {@code logout+jwt}, issued by the discovered
 * issuer for this client, with {@code iat}, {@code jti} and the back-channel logout event, a
 * {@code sub} or a {@code sid}, and never a {@code nonce}. The {@code sid} and {@code sub} against the
 * ID token are the test's to compare.
 */
public final class LogoutTokenChecks {

    /** The member of {@code events} that makes a JWT a logout token (§2.4). */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final long SKEW_SECONDS = 5;

    private LogoutTokenChecks() {
    }

    /** @return the verified claims; throws AssertionError naming the first rule broken */
    public static JWTClaimsSet verify(String logoutToken, Discovery discovery, TestClient client) {
        check(logoutToken != null, "no logout_token in the POST");
        SignedJWT jwt = IdTokens.parse(logoutToken);
        check(new JOSEObjectType("logout+jwt").equals(jwt.getHeader().getType()),
                "typ is " + jwt.getHeader().getType() + ", not logout+jwt");
        JWK key = Jwks.fetch(discovery).getKeyByKeyId(jwt.getHeader().getKeyID());
        check(key != null, "logout token kid " + jwt.getHeader().getKeyID() + " is not in the JWKS");
        check(IdTokens.verifySignature(jwt, key), "logout token signature does not verify with the JWKS");
        JWTClaimsSet claims = IdTokens.claims(jwt);
        check(discovery.issuer().equals(claims.getIssuer()), "iss " + claims.getIssuer() + " is not the issuer");
        check(claims.getAudience().contains(client.clientId()), "aud " + claims.getAudience() + " lacks the client");
        check(claims.getIssueTime() != null
                && !claims.getIssueTime().toInstant().isAfter(Instant.now().plusSeconds(SKEW_SECONDS)),
                "iat missing or in the future");
        check(claims.getJWTID() != null && !claims.getJWTID().isBlank(), "no jti");
        check(claims.getSubject() != null || claims.getClaim("sid") != null, "neither sub nor sid");
        check(!claims.getClaims().containsKey("nonce"), "a nonce in a logout token (§2.4 forbids it)");
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            throw new AssertionError("events is not a JSON object", e);
        }
        check(events != null && events.get(EVENT) instanceof Map<?, ?> event && event.isEmpty(),
                "events lacks " + EVENT + " as an empty JSON object: " + events);
        return claims;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
