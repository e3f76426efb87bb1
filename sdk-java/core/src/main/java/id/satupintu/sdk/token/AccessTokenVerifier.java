package id.satupintu.sdk.token;

import java.net.URI;
import java.time.Duration;
import java.util.List;

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

    /**
     * @param issuer    the expected {@code iss}; discovery is read from it for {@code jwks_uri}
     * @param audiences accepted audiences; at least one
     */
    public static AccessTokenVerifier create(URI issuer, List<String> audiences, Duration clockSkew, Duration httpTimeout) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * @param token the JWT, without the {@code Bearer } prefix
     * @throws id.satupintu.sdk.SatuPintuException {@link id.satupintu.sdk.Failure#ACCESS_TOKEN_INVALID} or
     *         {@link id.satupintu.sdk.Failure#PROVIDER_UNAVAILABLE}
     */
    public VerifiedAccessToken verify(String token) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the token from an {@code Authorization: Bearer} header value, or null (RFC 6750 §2.1) */
    public static String bearerToken(String authorizationHeader) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }
}
