package id.satupintu.sdk.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import id.satupintu.sdk.Claims;
import id.satupintu.sdk.Failure;
import id.satupintu.sdk.SatuPintuException;
import id.satupintu.sdk.internal.jwks.JwksCache;
import id.satupintu.sdk.internal.jwt.ClaimChecks;
import id.satupintu.sdk.internal.jwt.SignedTokens;
import id.satupintu.sdk.internal.provider.ProviderConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies bearer JWT access tokens for an API (RFC 6750, RFC 9068): signature by a key of the
 * issuer's JWKS, {@code iss} equal to the issuer, {@code aud} containing one of the accepted audiences,
 * {@code exp}/{@code nbf} with the clock skew. Thread-safe; no network call while the JWKS cache is warm.
 *
 * <p>The JWKS cache honours the response's {@code Cache-Control: max-age}, refreshes once when a token
 * names an unknown {@code kid}, and refreshes at most once per rate-limit interval, so a flood of
 * tokens with made-up key ids cannot turn into a flood of JWKS requests.
 */
public final class AccessTokenVerifier {

    private static final String WHAT = "access token";
    // RFC 9068 §2.1 asks for at+jwt; tokens of providers that predate it carry JWT or no typ. Any other
    // typ (an ID token's, a logout token's) is another kind of token and must not open an API (RFC 8725 §3.11).
    private static final Set<String> TYPES = Set.of("at+jwt", "application/at+jwt", "jwt");

    private final String issuer;
    private final Set<String> audiences;
    private final Duration clockSkew;
    private final JwksCache keys;
    private final Clock clock = Clock.systemUTC();

    private AccessTokenVerifier(URI issuer, List<String> audiences, Duration clockSkew, JwksCache keys) {
        this.issuer = issuer.toString();
        this.audiences = Set.copyOf(audiences);
        this.clockSkew = clockSkew;
        this.keys = keys;
    }

    /**
     * @param issuer    the expected {@code iss}; discovery is read from it for {@code jwks_uri}
     * @param audiences accepted audiences; at least one
     */
    public static AccessTokenVerifier create(URI issuer, List<String> audiences, Duration clockSkew, Duration httpTimeout) {
        Objects.requireNonNull(issuer, "issuer");
        if (audiences == null || audiences.isEmpty()) {
            throw new SatuPintuException(Failure.CONFIGURATION, "an access-token verifier needs at least one audience");
        }
        return new AccessTokenVerifier(issuer, audiences, clockSkew,
                ProviderConnection.forIssuer(issuer, httpTimeout).keys());
    }

    /**
     * @param token the JWT, without the {@code Bearer } prefix
     * @throws id.satupintu.sdk.SatuPintuException {@link id.satupintu.sdk.Failure#ACCESS_TOKEN_INVALID} or
     *         {@link id.satupintu.sdk.Failure#PROVIDER_UNAVAILABLE}
     */
    public VerifiedAccessToken verify(String token) {
        SignedTokens.Verified verified =
                SignedTokens.verify(token, SignedTokens.ASYMMETRIC, keys, WHAT, Failure.ACCESS_TOKEN_INVALID);
        ClaimChecks checks = new ClaimChecks(WHAT, Failure.ACCESS_TOKEN_INVALID, clockSkew, clock.instant());
        JOSEObjectType type = verified.header().getType();
        if (type != null && !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw checks.refused("has typ " + SignedTokens.printable(type.getType()) + ", not at+jwt");
        }
        JWTClaimsSet claims = verified.claims();
        checks.issuer(claims, issuer);
        List<String> tokenAudiences = claims.getAudience();
        if (tokenAudiences == null || tokenAudiences.stream().noneMatch(audiences::contains)) {
            throw checks.refused("is not for this API (audience not in " + audiences + ")");
        }
        var expiresAt = checks.notExpired(claims);
        checks.notBefore(claims);
        String subject = checks.requiredString(claims, "sub");
        String clientId = checks.optionalString(claims, "client_id");
        if (clientId == null) {
            clientId = checks.optionalString(claims, "azp");
        }
        Set<String> scopes = scopes(claims.getClaim("scope"), checks);
        return new VerifiedAccessToken(subject, clientId, scopes, List.copyOf(tokenAudiences), expiresAt,
                Claims.parse(verified.payloadJson()));
    }

    /**
     * RFC 9068 §2.2.3 makes {@code scope} a space-separated string; Spring Authorization Server (and so
     * SatuPintu) issues a JSON array of strings. Both are read; anything else is refused.
     */
    private static Set<String> scopes(Object scope, ClaimChecks checks) {
        if (scope == null) {
            return Set.of();
        }
        if (scope instanceof String text) {
            return Arrays.stream(text.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }
        if (scope instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
        throw checks.refused("scope is neither a string nor an array of strings");
    }

    /** @return the token from an {@code Authorization: Bearer} header value, or null (RFC 6750 §2.1) */
    public static String bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() < 8
                || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorizationHeader.substring(7).trim();
        // b64token syntax (RFC 6750 §2.1): no spaces inside
        return token.isEmpty() || token.contains(" ") ? null : token;
    }
}
