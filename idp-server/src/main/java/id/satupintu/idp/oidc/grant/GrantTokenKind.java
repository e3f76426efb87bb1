package id.satupintu.idp.oidc.grant;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The secret values an {@code OAuth2Authorization} can be looked up by, with the token-type names
 * Spring's providers pass to {@code OAuth2AuthorizationService#findByToken}.
 * Device and user codes (RFC 8628) are absent on purpose: the device grant is not offered.
 */
public enum GrantTokenKind {

    /** Consent state of an in-flight authorization request (also the PAR request_uri state). */
    STATE(OAuth2ParameterNames.STATE, null),
    /** Authorization code (RFC 6749 §4.1.2). */
    CODE(OAuth2ParameterNames.CODE, OAuth2AuthorizationCode.class),
    ACCESS_TOKEN(OAuth2TokenType.ACCESS_TOKEN.getValue(), OAuth2AccessToken.class),
    REFRESH_TOKEN(OAuth2TokenType.REFRESH_TOKEN.getValue(), OAuth2RefreshToken.class),
    /** ID token, looked up for RP-initiated logout's {@code id_token_hint}. */
    ID_TOKEN(OidcParameterNames.ID_TOKEN, OidcIdToken.class);

    private final String tokenTypeName;
    private final Class<? extends OAuth2Token> tokenClass;

    GrantTokenKind(String tokenTypeName, Class<? extends OAuth2Token> tokenClass) {
        this.tokenTypeName = tokenTypeName;
        this.tokenClass = tokenClass;
    }

    /** @return the token class under which {@code OAuth2Authorization} keeps this kind; null for STATE */
    public Class<? extends OAuth2Token> tokenClass() {
        return tokenClass;
    }

    /** @return the kind Spring means by a token type; empty for a type this server does not issue */
    public static Optional<GrantTokenKind> of(OAuth2TokenType tokenType) {
        return Arrays.stream(values()).filter(k -> k.tokenTypeName.equals(tokenType.getValue())).findFirst();
    }
}
