package id.satupintu.idp.agency;

import java.time.Duration;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The token and client settings every SatuPintu client gets, whatever its registration says.
 * They encode the secure defaults of RFC 9700 (OAuth 2.0 Security Best Current Practice).
 */
public final class ClientTokenPolicy {

    /** Authorization codes are one-shot and short-lived (RFC 9700 §4.5, OIDC Core §3.1.2.5). */
    public static final Duration AUTHORIZATION_CODE_TTL = Duration.ofSeconds(60);

    /** Self-contained JWT access tokens cannot be recalled cheaply, so they stay short. */
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(10);

    /** A working day; rotation on every use bounds what a stolen refresh token is worth. */
    public static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(8);

    /** The ID-token algorithm when a client registers none (OIDC Registration §2: default RS256). */
    public static final SignatureAlgorithm DEFAULT_ID_TOKEN_ALGORITHM = SignatureAlgorithm.RS256;

    private ClientTokenPolicy() {
    }

    /**
     * Token settings: refresh tokens rotate on every use (RFC 9700 §4.14.2: {@code reuseRefreshTokens(false)}).
     */
    public static TokenSettings tokenSettings(SignatureAlgorithm idTokenAlgorithm) {
        return TokenSettings.builder()
                .authorizationCodeTimeToLive(AUTHORIZATION_CODE_TTL)
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(idTokenAlgorithm)
                .build();
    }

    /**
     * Client settings every client starts from: PKCE is required of all clients, confidential ones
     * included (RFC 9700 §2.1.1); the agency travels with the client (OIDC Core §8.1 sector).
     */
    public static ClientSettings.Builder clientSettings(String agencyCode, boolean requireConsent) {
        return ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(requireConsent)
                .setting(AgencyOfClient.SETTING, agencyCode);
    }
}
