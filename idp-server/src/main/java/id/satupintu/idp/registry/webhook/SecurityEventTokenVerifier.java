package id.satupintu.idp.registry.webhook;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import id.satupintu.idp.oidc.replay.ReplayCache;
import id.satupintu.idp.registry.RegistryEvent;
import id.satupintu.idp.registry.http.MalformedRegistryMessageException;

/**
 * Checks a Security Event Token pushed by the registry (RFC 8417, delivered per RFC 8935) and
 * returns the registry event it carries. In order, each check a separate step:
 * <ol>
 *   <li>a compact JWS with header {@code typ: secevent+jwt} (RFC 8417 §2.3), signed with ES256 or
 *       RS256 by a key of the registry's configured JWK set;</li>
 *   <li>{@code iss} is the registry;</li>
 *   <li>{@code aud} contains SatuPintu;</li>
 *   <li>{@code iat} is no older than the allowed age and not in the future (a minute of clock skew);</li>
 *   <li>{@code events} holds one well-formed registry event;</li>
 *   <li>{@code jti} has not been seen before ({@link ReplayCache}), recorded only once all else passed
 *       so a forged token cannot burn a real one's {@code jti}.</li>
 * </ol>
 * A rejected token is a {@link RejectedEventTokenException}. A replayed token is rejected, while the
 * same <em>event</em> in a fresh token (a redelivery) is accepted: receivers apply by record version.
 */
public class SecurityEventTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final Duration maxAge;
    private final ReplayCache replayCache;
    private final Clock clock;

    public SecurityEventTokenVerifier(JWKSource<SecurityContext> registryKeys, String issuer, String audience,
                                      Duration maxAge, ReplayCache replayCache, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.maxAge = maxAge;
        this.replayCache = replayCache;
        this.clock = clock;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(RegistryEventToken.TYPE));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                registryKeys));
        // claims are checked below, one rule at a time, each with its own RFC 8935 error code
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
    }

    public RegistryEvent verify(String compactToken) {
        JWTClaimsSet claims = signedClaims(compactToken);
        if (!issuer.equals(claims.getIssuer())) {
            throw new RejectedEventTokenException("invalid_issuer", "the token is not from the registry");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new RejectedEventTokenException("invalid_audience", "the token is not addressed to SatuPintu");
        }
        Instant issuedAt = instant(claims.getIssueTime());
        Instant now = clock.instant();
        if (issuedAt == null || issuedAt.isBefore(now.minus(maxAge)) || issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RejectedEventTokenException("invalid_request", "'iat' is missing, too old or in the future");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new RejectedEventTokenException("invalid_request", "'jti' is missing");
        }
        RegistryEvent event = event(claims);
        if (!replayCache.firstUse("registry-set:" + jti, issuedAt.plus(maxAge).plus(CLOCK_SKEW))) {
            throw new RejectedEventTokenException("invalid_request", "the token was already delivered ('jti' replayed)");
        }
        return event;
    }

    private JWTClaimsSet signedClaims(String compactToken) {
        try {
            return processor.process(compactToken, null);
        } catch (ParseException e) {
            throw new RejectedEventTokenException("invalid_request", "the body is not a compact JWS");
        } catch (BadJOSEException e) {
            throw new RejectedEventTokenException("authentication_failed",
                    "the signature, the key or the 'typ' header is not acceptable");
        } catch (JOSEException e) {
            throw new RejectedEventTokenException("invalid_key", "the signature could not be checked");
        }
    }

    private static RegistryEvent event(JWTClaimsSet claims) {
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            return RegistryEventToken.fromEventsClaim(events);
        } catch (ParseException | MalformedRegistryMessageException e) {
            throw new RejectedEventTokenException("invalid_request", "'events' does not hold a well-formed registry event");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
