package id.satupintu.sdk;

import id.satupintu.sdk.internal.jwt.ClaimChecks;
import id.satupintu.sdk.internal.jwt.SignedTokens;
import id.satupintu.sdk.internal.oidc.AuthorizationRequest;
import id.satupintu.sdk.internal.oidc.ClientAuthenticator;
import id.satupintu.sdk.internal.oidc.IdTokenValidator;
import id.satupintu.sdk.internal.oidc.LogoutTokenValidator;
import id.satupintu.sdk.internal.oidc.TokenEndpoint;
import id.satupintu.sdk.internal.oidc.TokenResponse;
import id.satupintu.sdk.internal.oidc.UserInfoEndpoint;
import id.satupintu.sdk.internal.provider.ProviderConnection;
import id.satupintu.sdk.internal.replay.InMemoryReplayCache;
import id.satupintu.sdk.token.AccessTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The relying party: one per application, thread-safe, holding the cached discovery document and
 * JWKS. Framework-free; the servlet adapters, the Spring Boot starter and the gateway drive it.
 */
public final class SatuPintuClient implements AutoCloseable {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final SatuPintuConfig config;
    private final ProviderConnection provider;
    private final Clock clock = Clock.systemUTC();
    private final TokenEndpoint tokenEndpoint;
    private final UserInfoEndpoint userInfoEndpoint;
    private final IdTokenValidator idTokens;
    private final LogoutTokenValidator logoutTokens;

    private SatuPintuClient(SatuPintuConfig config, ReplayCache replayCache) {
        this.config = Objects.requireNonNull(config, "config");
        this.provider = ProviderConnection.forIssuer(config.issuer(), config.httpTimeout());
        String issuer = config.issuer().toString();
        this.tokenEndpoint = new TokenEndpoint(provider.http(),
                new ClientAuthenticator(config.clientId(), issuer, config.clientAuthentication(), clock));
        this.userInfoEndpoint = new UserInfoEndpoint(provider.http());
        this.idTokens = new IdTokenValidator(issuer, config.clientId(), config.clockSkew(), clock, provider.keys());
        this.logoutTokens = new LogoutTokenValidator(issuer, config.clientId(), config.clockSkew(), clock,
                provider.keys(), Objects.requireNonNull(replayCache, "replayCache"));
    }

    /** Reads discovery lazily: creating a client never fails because the provider is down. */
    public static SatuPintuClient create(SatuPintuConfig config) {
        return new SatuPintuClient(config, new InMemoryReplayCache());
    }

    /** @param replayCache where logout-token {@code jti} values are remembered (Redis for clusters) */
    public static SatuPintuClient create(SatuPintuConfig config, ReplayCache replayCache) {
        return new SatuPintuClient(config, replayCache);
    }

    public SatuPintuConfig config() {
        return config;
    }

    /**
     * @return the provider's metadata, from cache or fetched
     * @throws SatuPintuException {@link Failure#PROVIDER_UNAVAILABLE}
     */
    public ProviderMetadata provider() {
        return provider.discovery().metadata();
    }

    /**
     * Starts the authorization-code flow with PKCE S256, a fresh {@code state} and {@code nonce}
     * (OpenID Connect Core 1.0 §3.1.2.1, RFC 7636 §4).
     *
     * @param redirectUri the absolute redirect URI registered for this client
     * @param returnTo    a path within the application to come back to (anything else becomes {@code /})
     */
    public LoginStart startLogin(String redirectUri, String returnTo) {
        if (redirectUri == null || !URI.create(redirectUri).isAbsolute()) {
            throw new SatuPintuException(Failure.CONFIGURATION, "startLogin needs the absolute redirect URI");
        }
        AuthorizationRequest.Started started = AuthorizationRequest.start(provider().authorizationEndpoint(),
                config.clientId(), config.scopes(), redirectUri, returnTo, config.requiredAcr(), clock.instant());
        return new LoginStart(started.url(), started.pending());
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
        if (callback.error() != null) {
            String error = ERROR_CODE.matcher(callback.error()).matches() ? callback.error() : "(unprintable)";
            throw new SatuPintuException(Failure.AUTHORIZATION_ERROR, "provider answered the sign-in with error " + error);
        }
        // RFC 6749 §10.12: the state binds the callback to the browser that started the sign-in
        if (pending == null || !sameSecret(pending.state(), callback.state())) {
            throw new SatuPintuException(Failure.STATE_MISMATCH, "callback state matches no sign-in this browser started");
        }
        // RFC 9207 §2.4: a mix-up attack sends another provider's response to us; a provider that
        // promises iss in every response and sends none is treated the same way
        if (callback.issuer() != null ? !callback.issuer().equals(config.issuer().toString())
                : provider.discovery().issuerInResponses()) {
            throw new SatuPintuException(Failure.ISSUER_MISMATCH, callback.issuer() == null
                    ? "callback has no iss although the provider sends it in every response (RFC 9207)"
                    : "callback iss is not the configured issuer " + config.issuer());
        }
        if (callback.code() == null || callback.code().isEmpty()) {
            throw new SatuPintuException(Failure.CODE_EXCHANGE_FAILED, "callback has no code");
        }
        ProviderMetadata metadata = provider();
        TokenResponse tokens = tokenEndpoint.exchangeCode(metadata.tokenEndpoint(), callback.code(),
                pending.redirectUri(), pending.codeVerifier());
        if (tokens.idToken() == null) {
            throw new SatuPintuException(Failure.ID_TOKEN_INVALID, "token response has no ID token (is openid in the scopes?)");
        }
        SignedTokens.Verified idToken = idTokens.validate(tokens.idToken(), metadata,
                new IdTokenValidator.Expectations(pending.nonce(), config.requiredAcr(), null));
        return login(metadata, tokens, idToken, null, Failure.ID_TOKEN_INVALID);
    }

    /**
     * Uses the refresh token (OpenID Connect Core 1.0 §12); a new ID token, when returned, is validated.
     *
     * @throws SatuPintuException {@link Failure#REFRESH_FAILED} when refused
     */
    public Login refresh(Login login) {
        if (login.refreshToken() == null) {
            throw new SatuPintuException(Failure.REFRESH_FAILED, "the login has no refresh token");
        }
        ProviderMetadata metadata = provider();
        TokenResponse tokens = tokenEndpoint.refresh(metadata.tokenEndpoint(), login.refreshToken());
        SignedTokens.Verified idToken = null;
        if (tokens.idToken() != null) {
            try {
                idToken = idTokens.validate(tokens.idToken(), metadata,
                        new IdTokenValidator.Expectations(null, config.requiredAcr(), login.subject()));
            } catch (SatuPintuException e) {
                throw new SatuPintuException(Failure.REFRESH_FAILED, "refreshed " + e.getMessage(), e);
            }
        }
        return login(metadata, tokens, idToken, login, Failure.REFRESH_FAILED);
    }

    /** @return the userinfo claims for the login's access token (OpenID Connect Core 1.0 §5.3) */
    public Claims userInfo(Login login) {
        URI endpoint = provider().userinfoEndpoint();
        if (endpoint == null) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "the provider advertises no userinfo_endpoint");
        }
        return userInfoEndpoint.fetch(endpoint, login.accessToken(), login.subject(), Failure.PROVIDER_UNAVAILABLE);
    }

    /**
     * @return the provider's end-session URL with {@code id_token_hint}, {@code client_id},
     *         {@code post_logout_redirect_uri} and {@code state} (OpenID Connect RP-Initiated Logout 1.0 §2)
     */
    public URI logoutUrl(Login login, String postLogoutRedirectUri, String state) {
        URI endpoint = provider().endSessionEndpoint();
        if (endpoint == null) {
            throw new SatuPintuException(Failure.PROVIDER_UNAVAILABLE, "the provider advertises no end_session_endpoint");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (login != null && login.idToken() != null) {
            parameters.put("id_token_hint", login.idToken());
        }
        parameters.put("client_id", config.clientId());
        if (postLogoutRedirectUri != null) {
            parameters.put("post_logout_redirect_uri", postLogoutRedirectUri);
        }
        if (state != null) {
            parameters.put("state", state);
        }
        return AuthorizationRequest.withQuery(endpoint, parameters);
    }

    /**
     * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.6): signature,
     * {@code iss}, {@code aud}, {@code iat}, {@code exp} when present, {@code typ} {@code logout+jwt} when
     * present, the back-channel {@code events} member, {@code sid} or {@code sub}, no {@code nonce}, and
     * {@code jti} seen only once.
     */
    public LogoutNotice validateLogoutToken(String logoutToken) {
        return logoutTokens.validate(logoutToken);
    }

    /** @return a verifier of bearer access tokens for this client's audiences, sharing the JWKS cache */
    public AccessTokenVerifier accessTokenVerifier() {
        return AccessTokenVerifier.create(config.issuer(), config.audiences(), config.clockSkew(), config.httpTimeout());
    }

    @Override
    public void close() {
        // the provider connection is shared by every client and verifier of this issuer in the JVM
    }

    /**
     * Builds the login from a token response. On refresh ({@code previous} set) what the response
     * leaves out is kept: the rotated refresh token replaces the old one only when one is returned.
     */
    private Login login(ProviderMetadata metadata, TokenResponse tokens, SignedTokens.Verified idToken, Login previous,
            Failure userInfoMismatch) {
        Instant now = clock.instant();
        String subject = previous != null ? previous.subject() : idToken.claims().getSubject();
        Map<String, Object> claims = new LinkedHashMap<>();
        if (previous != null) {
            claims.putAll(previous.claims().asMap());
        }
        if (previous == null && metadata.userinfoEndpoint() != null) {
            claims.putAll(userInfoEndpoint.fetch(metadata.userinfoEndpoint(), tokens.accessToken(), subject,
                    userInfoMismatch).asMap());
        }
        String sid = previous != null ? previous.sid() : null;
        String acr = previous != null ? previous.acr() : null;
        if (idToken != null) {
            // the ID token's claims win over userinfo's: iss, aud and sub are the ones that were checked
            claims.putAll(Claims.parse(idToken.payloadJson()).asMap());
            sid = stringClaim(idToken, "sid", sid);
            acr = stringClaim(idToken, "acr", acr);
        }
        Instant expiresAt = tokens.expiresIn() >= 0 ? now.plusSeconds(tokens.expiresIn()) : now.plusSeconds(300);
        return new Login(subject, sid,
                idToken != null ? idToken.token() : previous.idToken(),
                tokens.accessToken(), expiresAt,
                tokens.refreshToken() != null ? tokens.refreshToken() : previous != null ? previous.refreshToken() : null,
                Claims.of(claims), acr, previous != null ? previous.signedInAt() : now);
    }

    private static String stringClaim(SignedTokens.Verified token, String name, String fallback) {
        Object value = token.claims().getClaim(name);
        return value instanceof String text ? text : fallback;
    }

    private static boolean sameSecret(String expected, String actual) {
        return ClaimChecks.sameSecret(expected, actual);
    }
}
