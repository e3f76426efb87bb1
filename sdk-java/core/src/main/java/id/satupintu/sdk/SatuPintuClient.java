package id.satupintu.sdk;

import id.satupintu.sdk.token.AccessTokenVerifier;
import java.net.URI;

/**
 * The relying party: one per application, thread-safe, holding the cached discovery document and
 * JWKS. Framework-free; the servlet adapters, the Spring Boot starter and the gateway drive it.
 */
public final class SatuPintuClient implements AutoCloseable {

    /** Reads discovery lazily: creating a client never fails because the provider is down. */
    public static SatuPintuClient create(SatuPintuConfig config) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @param replayCache where logout-token {@code jti} values are remembered (Redis for clusters) */
    public static SatuPintuClient create(SatuPintuConfig config, ReplayCache replayCache) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    public SatuPintuConfig config() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * @return the provider's metadata, from cache or fetched
     * @throws SatuPintuException {@link Failure#PROVIDER_UNAVAILABLE}
     */
    public ProviderMetadata provider() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * Starts the authorization-code flow with PKCE S256, a fresh {@code state} and {@code nonce}
     * (OpenID Connect Core 1.0 §3.1.2.1, RFC 7636 §4).
     *
     * @param redirectUri the absolute redirect URI registered for this client
     * @param returnTo    a path within the application to come back to (anything else becomes {@code /})
     */
    public LoginStart startLogin(String redirectUri, String returnTo) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * Finishes sign-in: checks {@code state} and {@code iss}, exchanges the code with the verifier,
     * validates the ID token (OpenID Connect Core 1.0 §3.1.3.7: signature by the provider's JWKS,
     * {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat}, {@code nonce}, {@code acr} when
     * required) and merges userinfo claims.
     *
     * @throws SatuPintuException with the reason; nothing is kept
     */
    public Login completeLogin(PendingLogin pending, CallbackParameters callback) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * Uses the refresh token (OpenID Connect Core 1.0 §12); a new ID token, when returned, is validated.
     *
     * @throws SatuPintuException {@link Failure#REFRESH_FAILED} when refused
     */
    public Login refresh(Login login) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return the userinfo claims for the login's access token (OpenID Connect Core 1.0 §5.3) */
    public Claims userInfo(Login login) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * @return the provider's end-session URL with {@code id_token_hint}, {@code client_id},
     *         {@code post_logout_redirect_uri} and {@code state} (OpenID Connect RP-Initiated Logout 1.0 §2)
     */
    public URI logoutUrl(Login login, String postLogoutRedirectUri, String state) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /**
     * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signature,
     * {@code iss}, {@code aud}, {@code iat}, {@code exp} when present, {@code typ} {@code logout+jwt} when
     * present, the back-channel {@code events} member, {@code sid} or {@code sub}, no {@code nonce}, and
     * {@code jti} seen only once.
     */
    public LogoutNotice validateLogoutToken(String logoutToken) {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    /** @return a verifier of bearer access tokens for this client's audiences, sharing the JWKS cache */
    public AccessTokenVerifier accessTokenVerifier() {
        throw new UnsupportedOperationException("sdk core: not built yet");
    }

    @Override
    public void close() {
    }
}
