package id.satupintu.sdk;

/**
 * Why a sign-in, a token or a logout notice was refused. Adapters log the reason (never the
 * token) and show a page or answer 401; none of these creates a session.
 */
public enum Failure {
    /** The callback's {@code state} matches no sign-in this browser started (tampered or replayed). */
    STATE_MISMATCH,
    /** The provider answered the authorization request with an error (for example {@code access_denied}). */
    AUTHORIZATION_ERROR,
    /** The callback's {@code iss} parameter names another provider (RFC 9207). */
    ISSUER_MISMATCH,
    /** The token endpoint refused the code (used, expired, or not ours). */
    CODE_EXCHANGE_FAILED,
    /** An ID token failed validation (signature, iss, aud, azp, exp, iat, nonce, acr). */
    ID_TOKEN_INVALID,
    /** An access token failed validation (signature, iss, aud, exp, type). */
    ACCESS_TOKEN_INVALID,
    /** A logout token failed validation (OpenID Connect Back-Channel Logout 1.0 §2.6). */
    LOGOUT_TOKEN_INVALID,
    /** A logout token's {@code jti} was seen before. */
    LOGOUT_TOKEN_REPLAYED,
    /** The refresh token was refused; the citizen must sign in again. */
    REFRESH_FAILED,
    /** The provider could not be reached or answered something unusable. */
    PROVIDER_UNAVAILABLE,
    /** The SDK configuration is incomplete or contradictory. */
    CONFIGURATION
}
