package id.satupintu.idp.agency;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The token and client settings every SatuPintu client gets, whatever its registration says.
 * They encode the secure defaults of RFC 9700 (OAuth 2.0 Security Best Current Practice).
 */
public final class ClientTokenPolicy {

    /** The ID-token algorithm when a client registers none (OIDC Registration §2: default RS256). */
    public static final SignatureAlgorithm DEFAULT_ID_TOKEN_ALGORITHM = SignatureAlgorithm.RS256;

    private ClientTokenPolicy() {
    }

    /** Token settings with the default lifetimes ({@link TokenLifetimes#DEFAULTS}). */
    public static TokenSettings tokenSettings(SignatureAlgorithm idTokenAlgorithm) {
        return tokenSettings(idTokenAlgorithm, TokenLifetimes.DEFAULTS);
    }

    /**
     * Token settings: self-contained access tokens, refresh tokens that rotate on every use
     * (RFC 9700 §4.14.2: {@code reuseRefreshTokens(false)}), the configured lifetimes.
     */
    public static TokenSettings tokenSettings(SignatureAlgorithm idTokenAlgorithm, TokenLifetimes lifetimes) {
        return TokenSettings.builder()
                .authorizationCodeTimeToLive(lifetimes.authorizationCode())
                .accessTokenTimeToLive(lifetimes.accessToken())
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .refreshTokenTimeToLive(lifetimes.refreshToken())
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
